using System.Globalization;
using AadstsTools.GraphEmulator.Faults;

namespace AadstsTools.GraphEmulator.Hosting;

/// <summary>
/// Runs the emulator on its own (for the Pester suite):
/// <c>dotnet AadstsTools.GraphEmulator.dll --fixture FILE | --users N [--seed S] [--port P] [--token T] [--latency-ms N]
/// [--no-premium] [--reporting-throttle]</c>. Prints <c>listening on http://127.0.0.1:PORT/v1.0</c>, then runs until
/// standard input closes or Ctrl+C.
/// </summary>
internal static class EmulatorProgram
{
    private const string Usage =
        "usage: dotnet AadstsTools.GraphEmulator.dll (--fixture FILE | --users N [--seed S]) [--port P] [--token T] [--latency-ms N] [--no-premium] [--reporting-throttle]";

    public static async Task<int> Main(string[] args)
    {
        EmulatorTenant tenant;
        EmulatorOptions options;
        try
        {
            (tenant, options) = Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or FileNotFoundException)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            await Console.Error.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        await using var emulator = await GraphEmulator.StartAsync(tenant, options).ConfigureAwait(false);
        Console.Out.WriteLine($"listening on {emulator.BaseUrl}");
        Console.Out.Flush();

        var stop = new TaskCompletionSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.TrySetResult();
        };
        _ = Task.Run(() =>
        {
            // Blocks until the parent closes our standard input (or it is already closed).
            while (Console.In.Read() >= 0)
            {
            }

            stop.TrySetResult();
        });

        await stop.Task.ConfigureAwait(false);
        return 0;
    }

    private static (EmulatorTenant Tenant, EmulatorOptions Options) Parse(string[] args)
    {
        string? fixture = null;
        int? users = null;
        var seed = 1;
        var options = new EmulatorOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new ArgumentException($"{args[i - 1]} needs a whole number, not '{args[i]}'.");

            switch (args[i])
            {
                case "--fixture":
                    fixture = Value();
                    break;
                case "--users":
                    users = Number();
                    break;
                case "--seed":
                    seed = Number();
                    break;
                case "--port":
                    options.Port = Number();
                    break;
                case "--token":
                    options.AccessToken = Value();
                    break;
                case "--latency-ms":
                    options.Latency = TimeSpan.FromMilliseconds(Number());
                    break;
                case "--no-premium":
                    options.TenantHasPremium = false;
                    break;
                case "--reporting-throttle":
                    options.ReportingThrottle = ThrottleLimit.GraphReportingApi;
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        if ((fixture is null) == (users is null))
        {
            throw new ArgumentException("Give either --fixture FILE or --users N.");
        }

        var tenant = fixture is not null ? EmulatorTenant.LoadFixture(fixture) : EmulatorTenant.Generate(users!.Value, seed);
        return (tenant, options);
    }
}
