using System.Text;
using AadstsTools.Engine.Tests.TestSupport;
using AadstsTools.SignIns;
using AadstsTools.SignIns.Files;
using AadstsTools.TestData;

namespace AadstsTools.Engine.Tests.SignIns;

/// <summary>Reads sign-in files and streams for the tests: the events, the report, and what the report writes.</summary>
internal static class SignInFiles
{
    public sealed record Read(List<SignInEvent> Events, SignInReadReport Report, RecordingOutput Output);

    public static Read File(string path, SignInFileOptions? options = null)
    {
        var report = new SignInReadReport(System.IO.Path.GetFileName(path));
        var events = SignInFileReader.Read(path, report, options).ToList();
        return Finish(events, report);
    }

    public static Read Text(string content, string fileName = "InteractiveSignIns_2026-11-19_2026-11-20.csv", SignInFileOptions? options = null, Encoding? encoding = null) =>
        Bytes((encoding ?? new UTF8Encoding(false)).GetBytes(content), fileName, options);

    public static Read Bytes(byte[] content, string fileName = "InteractiveSignIns_2026-11-19_2026-11-20.csv", SignInFileOptions? options = null) =>
        Stream(new MemoryStream(content), fileName, options);

    public static Read Stream(Stream stream, string fileName, SignInFileOptions? options = null)
    {
        var report = new SignInReadReport(fileName);
        var events = SignInFileReader.Read(stream, fileName, report, options).ToList();
        return Finish(events, report);
    }

    private static Read Finish(List<SignInEvent> events, SignInReadReport report)
    {
        var output = new RecordingOutput();
        report.WriteTo(output);
        return new Read(events, report, output);
    }

    /// <summary>The event read is the sign-in the generator wrote.</summary>
    public static void AssertSame(SyntheticSignIn want, SignInEvent got, SignInLogType type)
    {
        Assert.Equal(want.Time, got.TimeUtc);
        Assert.Equal(want.RequestId, got.RequestId);
        Assert.Equal(want.CorrelationId, got.CorrelationId);
        Assert.Equal(want.UserPrincipalName, got.UserPrincipalName);
        Assert.Equal(want.UserId, got.UserId);
        Assert.Equal(want.ServicePrincipalId, got.ServicePrincipalId);
        Assert.Equal(want.ServicePrincipalName, got.ServicePrincipalName);
        Assert.Equal(want.Principal, got.Principal);
        Assert.Equal(want.AppId, got.AppId);
        Assert.Equal(want.AppDisplayName, got.AppDisplayName);
        Assert.Equal(want.IpAddress, got.IpAddress);
        Assert.Equal((want.City, want.State, want.Country), (got.City, got.State, got.CountryOrRegion));
        Assert.Equal(want.ErrorCode, got.ErrorCode);
        Assert.Equal(want.FailureReason, got.FailureReason);
        Assert.Equal(want.ConditionalAccess.Replace(" ", string.Empty), got.ConditionalAccessStatus);
        Assert.Equal(type, got.LogType);
        Assert.Equal(want.Interactive, got.IsInteractive);
    }

    /// <summary>A CSV with the interactive download's header line and the given rows (already formatted).</summary>
    public static string Csv(params string[] rows) => "Date (UTC),Request ID,User ID,User,Username,Application,Application ID ,IP address,Location,Status,Sign-in error code,Failure reason,Client app,Conditional Access\r\n"
        + string.Concat(rows.Select(r => r + "\r\n"));

    /// <summary>One row for <see cref="Csv"/>.</summary>
    public static string Row(string date, int code = 50126, string user = "ada@contoso.example", string ip = "198.51.100.7") =>
        $"{date},req-{code},uid-1,Ada,{user},Microsoft Teams,1fec8e78-bce4-4aaf-ab1b-5451cc387264,{ip},\"Seattle, Washington, US\",{(code == 0 ? "Success" : "Failure")},{code},Reason {code},Browser,Not Applied";
}
