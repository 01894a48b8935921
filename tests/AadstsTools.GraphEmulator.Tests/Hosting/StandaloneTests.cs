using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using AadstsTools.GraphEmulator.Tests.TestSupport;

namespace AadstsTools.GraphEmulator.Tests.Hosting;

/// <summary>The emulator run as its own process, as the Pester suite runs it.</summary>
public class StandaloneTests
{
    private static Process Start(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(typeof(GraphEmulator).Assembly.Location);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info)!;
    }

    [Fact]
    public async Task It_prints_its_url_serves_and_stops_when_stdin_closes()
    {
        using var process = Start("--fixture", Contoso.FixturePath, "--token", "pester-token", "--latency-ms", "5");
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Matches(@"^listening on http://127\.0\.0\.1:\d+/v1\.0$", line);
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "pester-token");
        using var response = await client.GetAsync(line!["listening on ".Length..] + $"/users/{Contoso.Alice}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public async Task A_generated_tenant_can_be_served()
    {
        using var process = Start("--users", "50", "--seed", "9");
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", new EmulatorOptions().AccessToken);

        var users = await client.GetStringAsync(line!["listening on ".Length..] + "/users?$top=999&$select=id");

        Assert.Equal(50, System.Text.Json.JsonDocument.Parse(users).RootElement.GetProperty("value").GetArrayLength());
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData("--users", "ten")]
    [InlineData("--colour", "red")]
    [InlineData("--fixture", "/no/such.json")]
    public async Task Bad_arguments_exit_2_with_the_reason(params string[] arguments)
    {
        using var process = Start(arguments);
        var error = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("usage:", error);
    }
}
