using System.Text;
using AadstsTools.Engine.Tests.TestSupport;
using AadstsTools.SignIns;
using AadstsTools.Output;
using AadstsTools.SignIns.Files;
using AadstsTools.TestData;

namespace AadstsTools.Engine.Tests.SignIns;

public class JsonReadingTests
{
    public static TheoryData<SignInLogType> LogTypes => new() { SignInLogType.Interactive, SignInLogType.NonInteractive, SignInLogType.ServicePrincipal, SignInLogType.ManagedIdentity };

    private const string Record = """{"id":"r1","createdDateTime":"2026-11-20T09:14:52Z","userPrincipalName":"ada@contoso.example","userId":"u1","appId":"a1","appDisplayName":"Microsoft Teams","ipAddress":"198.51.100.7","clientAppUsed":"Browser","correlationId":"c1","conditionalAccessStatus":"notApplied","isInteractive":true,"status":{"errorCode":50126,"failureReason":"Invalid password.","additionalDetails":"The user typed it wrong."},"location":{"city":"Seattle","state":"Washington","countryOrRegion":"US","geoCoordinates":{"latitude":47.6}}}""";

    [Theory]
    [MemberData(nameof(LogTypes))]
    public void Reads_each_log_types_download(SignInLogType type)
    {
        var expected = SyntheticSignInLog.OfType(type, 40);
        using var stream = new MemoryStream();
        SyntheticSignInLog.WriteJson(stream, expected, type);

        // No log type in the name: each record's signInEventTypes tells it.
        var read = SignInFiles.Bytes(stream.ToArray(), "signins.json");

        Assert.Null(read.Report.Error);
        Assert.Equal("JSON", read.Report.Format);
        Assert.Equal(expected.Count, read.Events.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            SignInFiles.AssertSame(expected[i], read.Events[i], type);
        }
    }

    [Fact]
    public void The_sample_json_download_gives_the_same_sign_ins_as_the_csv()
    {
        var csv = SignInFiles.File(RepositoryFiles.Path("examples", "signins-interactive.csv"));
        var json = SignInFiles.File(RepositoryFiles.Path("examples", "signins-interactive.json"));

        Assert.Null(json.Report.Error);
        Assert.Equal(csv.Events.Count, json.Events.Count);
        Assert.Equal(
            csv.Events.Select(e => (e.TimeUtc, e.RequestId, e.CorrelationId, e.Principal, e.AppId, e.IpAddress, e.Location, e.ErrorCode, e.FailureReason, e.ClientApp, e.ConditionalAccessStatus, e.LogType)),
            json.Events.Select(e => (e.TimeUtc, e.RequestId, e.CorrelationId, e.Principal, e.AppId, e.IpAddress, e.Location, e.ErrorCode, e.FailureReason, e.ClientApp, e.ConditionalAccessStatus, e.LogType)));
    }

    [Fact]
    public void Reads_nested_status_and_location()
    {
        var read = SignInFiles.Text("[" + Record + "]", "signins.json");

        SignInEvent e = Assert.Single(read.Events);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 14, 52, TimeSpan.Zero), e.TimeUtc);
        Assert.Equal(50126, e.ErrorCode);
        Assert.Equal("Invalid password.", e.FailureReason);
        Assert.Equal("The user typed it wrong.", e.AdditionalDetails);
        Assert.Equal("Seattle, Washington, US", e.Location);
        Assert.Equal("NotApplied", e.ConditionalAccessStatus);
        Assert.Equal(SignInLogType.Interactive, e.LogType);
        Assert.Equal("signins.json:1", e.Origin);
    }

    [Fact]
    public void Reads_a_graph_response_page()
    {
        string page = "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns\",\"value\":[" + Record + "," + Record + "],\"@odata.nextLink\":\"https://graph.microsoft.com/v1.0/auditLogs/signIns?$skiptoken=x\"}";

        var read = SignInFiles.Text(page, "page.json");

        Assert.Equal(2, read.Events.Count);
        Assert.Empty(read.Output.Warnings);
    }

    [Fact]
    public void Reads_json_lines()
    {
        var read = SignInFiles.Text(Record + "\n" + Record.Replace("50126", "50053") + "\n", "signins.jsonl");

        Assert.Equal(new[] { 50126, 50053 }, read.Events.Select(e => e.ErrorCode));
        Assert.EndsWith(":2", read.Events[1].Origin);
    }

    [Fact]
    public void Names_match_ignoring_case_and_values_of_other_types_are_read_as_text()
    {
        string pascal = """[{"CreatedDateTime":"2026-11-20T09:14:52Z","UserPrincipalName":"ada@contoso.example","Status":{"ErrorCode":"50053"},"IsInteractive":"True","SignInEventTypes":["nonInteractiveUser"],"Unknown":{"deep":[1,2,{"x":null}]}}]""";

        var read = SignInFiles.Text(pascal, "signins.json");

        SignInEvent e = Assert.Single(read.Events);
        Assert.Equal(50053, e.ErrorCode);
        Assert.Equal("ada@contoso.example", e.UserPrincipalName);
        Assert.Equal(SignInLogType.NonInteractive, e.LogType);
        Assert.True(e.IsInteractive);
    }

    [Fact]
    public void Records_that_cannot_be_used_are_skipped_and_counted_once()
    {
        string json = "[" + Record + ",42,{\"createdDateTime\":\"soon\",\"status\":{\"errorCode\":1}},{\"status\":\"Failure\",\"createdDateTime\":\"2026-11-20T09:14:52Z\"}," + Record + "]";

        var read = SignInFiles.Text(json, "signins.json");

        Assert.Equal(2, read.Events.Count);
        Assert.Equal(3, read.Report.RowsSkipped);
        string warning = Assert.Single(read.Output.Warnings);
        Assert.Contains("skipped 3 of 5 rows", warning);
        Assert.Contains("holds a number here", warning);
    }

    [Fact]
    public void A_download_cut_off_inside_a_record_gives_the_records_before_and_counts_the_cut_one()
    {
        string json = "[\n" + Record + ",\n" + Record + ",\n" + Record.Substring(0, 80);

        var read = SignInFiles.Text(json, "signins.json");

        Assert.Equal(2, read.Events.Count);
        Assert.Empty(read.Output.Errors);
        string warning = Assert.Single(read.Output.Warnings);
        Assert.Contains("(line 4)", warning);
        Assert.Contains("cut short", warning);
    }

    [Fact]
    public void A_download_cut_off_between_records_warns_that_the_end_is_missing()
    {
        var read = SignInFiles.Text("[\n" + Record + ",\n" + Record + "\n", "signins.json");

        Assert.Equal(2, read.Events.Count);
        Assert.Contains("without the closing ']'", Assert.Single(read.Output.Warnings));
    }

    [Fact]
    public void Broken_json_is_an_error_naming_the_line_after_the_records_before_it()
    {
        string json = "[\n" + Record + ",\n" + Record + ",\n{\"createdDateTime\": nope}\n]";

        var read = SignInFiles.Text(json, "signins.json");

        Assert.Equal(2, read.Events.Count);
        EngineError error = Assert.Single(read.Output.Errors);
        Assert.Equal("InvalidSignInJson", error.ErrorId);
        Assert.True(error.Message.Contains("line 4"), error.Message);
        Assert.Contains("2 records before it were read", error.Message);
    }

    [Theory]
    [InlineData("\"just text\"", "not a sign-in download")]
    [InlineData("[]", null)]
    [InlineData("{\"value\":[]}", null)]
    public void Json_without_records(string json, string? error)
    {
        var read = SignInFiles.Text(json, "signins.json");

        Assert.Empty(read.Events);
        if (error == null)
        {
            Assert.Empty(read.Output.Errors);
            Assert.Contains("holds no sign-in records", Assert.Single(read.Output.Warnings));
        }
        else
        {
            Assert.Equal("MissingSignInColumn", Assert.Single(read.Output.Errors).ErrorId);
        }
    }

    [Fact]
    public void Whatever_follows_the_records_is_read_too_so_nothing_is_lost_unseen()
    {
        var read = SignInFiles.Text("[" + Record + "]\n[" + Record + ",1]\n" + Record, "signins.json");

        Assert.Equal(3, read.Events.Count);
        Assert.Equal(1, read.Report.RowsSkipped);
        Assert.Empty(read.Output.Errors);
    }

    [Fact]
    public void A_record_larger_than_the_limit_stops_the_read()
    {
        string huge = "[" + Record + ",{\"createdDateTime\":\"" + new string('x', 300_000) + "\"}]";

        var read = SignInFiles.Text(huge, "signins.json", new SignInFileOptions { MaxRecordBytes = 128 * 1024 });

        Assert.Single(read.Events);
        Assert.Equal("SignInRecordTooLarge", Assert.Single(read.Output.Errors).ErrorId);
    }

    [Fact]
    public void Records_larger_than_the_first_buffer_are_read()
    {
        string big = Record.Replace("\"The user typed it wrong.\"", "\"" + new string('y', 200_000) + "\"");

        var read = SignInFiles.Text("[" + big + "," + Record + "]", "signins.json");

        Assert.Equal(2, read.Events.Count);
        Assert.Equal(200_000, read.Events[0].AdditionalDetails!.Length);
    }

    public static TheoryData<string> Encodings => new() { "utf-8-bom", "utf-16", "iso-8859-1" };

    /// <summary>Windows PowerShell 5.1 writes UTF-16 when output is redirected; the portal writes UTF-8, maybe with a BOM.</summary>
    [Theory]
    [MemberData(nameof(Encodings))]
    public void Reads_json_in_other_encodings(string name)
    {
        Encoding encoding = name switch
        {
            "utf-8-bom" => new UTF8Encoding(true),
            "utf-16" => new UnicodeEncoding(false, true),
            _ => Encoding.Latin1,
        };
        string json = "[" + Record.Replace("Seattle", "Malmö") + "]";
        byte[] bytes = encoding.GetPreamble().Concat(encoding.GetBytes(json)).ToArray();

        var read = SignInFiles.Bytes(bytes, "signins.json");

        Assert.Empty(read.Output.Errors);
        Assert.Equal("Malmö", Assert.Single(read.Events).City);
    }
}
