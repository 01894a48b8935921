namespace AadstsTools.GraphEmulator.Tests.TestSupport;

/// <summary>The contoso.json fixture and the ids of its users, named after their readiness case.</summary>
internal static class Contoso
{
    public const string Alice = "5b3c1f0a-0001-4a6e-9d1e-000000000001";
    public const string Bob = "5b3c1f0a-0002-4a6e-9d1e-000000000002";
    public const string Carol = "5b3c1f0a-0003-4a6e-9d1e-000000000003";
    public const string Frank = "5b3c1f0a-0006-4a6e-9d1e-000000000006";
    public const string Grace = "5b3c1f0a-0007-4a6e-9d1e-000000000007";
    public const string Ivan = "5b3c1f0a-0009-4a6e-9d1e-000000000009";
    public const string Judy = "5b3c1f0a-0010-4a6e-9d1e-000000000010";
    public const string Kim = "5b3c1f0a-0011-4a6e-9d1e-000000000011";
    public const string Leo = "5b3c1f0a-0012-4a6e-9d1e-000000000012";
    public const string Mia = "5b3c1f0a-0013-4a6e-9d1e-000000000013";
    public const string Nick = "5b3c1f0a-0014-4a6e-9d1e-000000000014";
    public const string Olivia = "5b3c1f0a-0015-4a6e-9d1e-000000000015";
    public const string Paul = "5b3c1f0a-0016-4a6e-9d1e-000000000016";
    public const string Quinn = "5b3c1f0a-0017-4a6e-9d1e-000000000017";

    public const int UserCount = 18;

    public const string StrongPassword = "Tq7#vLm2$Rx9!pWd";

    public static string FixturePath => Path.Combine(AppContext.BaseDirectory, "Fixtures", "contoso.json");

    public static EmulatorTenant Tenant() => EmulatorTenant.LoadFixture(FixturePath);

    public static Task<GraphEmulator> StartAsync(EmulatorOptions? options = null) => GraphEmulator.StartAsync(Tenant(), options);
}
