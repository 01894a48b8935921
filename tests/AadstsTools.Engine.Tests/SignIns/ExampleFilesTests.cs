using AadstsTools.SignIns;
using AadstsTools.Engine.Tests.TestSupport;
using AadstsTools.TestData;

namespace AadstsTools.Engine.Tests.SignIns;

/// <summary>
/// The sample downloads under examples/ are the generator's output, byte for byte: regenerate them with
/// AADSTS_REGENERATE_EXAMPLES=1 dotnet test --filter ExampleFilesTests.
/// </summary>
public class ExampleFilesTests
{
    public static TheoryData<string> Examples => new() { "signins-interactive.csv", "signins-interactive.json" };

    internal static byte[] Generate(string name)
    {
        using var stream = new MemoryStream();
        if (name.EndsWith(".csv", StringComparison.Ordinal))
        {
            SyntheticSignInLog.WriteCsv(stream, SyntheticSignInLog.Scenario(), SignInLogType.Interactive);
        }
        else
        {
            SyntheticSignInLog.WriteJson(stream, SyntheticSignInLog.Scenario(), SignInLogType.Interactive);
        }

        return stream.ToArray();
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_sample_is_the_generators_output(string name)
    {
        string path = RepositoryFiles.Path("examples", name);
        byte[] expected = Generate(name);
        if (Environment.GetEnvironmentVariable("AADSTS_REGENERATE_EXAMPLES") == "1")
        {
            File.WriteAllBytes(path, expected);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run the tests with AADSTS_REGENERATE_EXAMPLES=1 to write it.");
        Assert.True(expected.AsSpan().SequenceEqual(File.ReadAllBytes(path)), $"{path} differs from the generator's output; run the tests with AADSTS_REGENERATE_EXAMPLES=1 to rewrite it.");
    }
}
