using System.Collections;
using System.Text.Json;
using AadstsTools.Catalog;
using AadstsTools.Engine.Tests.TestSupport;
using AadstsTools.Lookup;
using AadstsTools.Output;
using AadstsTools.Records;

namespace AadstsTools.Engine.Tests.Lookup;

public class GuidanceServiceTests
{
    private readonly GuidanceService _service = new(GuidanceCatalog.BuiltIn);
    private readonly RecordingOutput _output = new();

    [Theory]
    [InlineData(50126)]
    [InlineData(50126L)]
    [InlineData("50126")]
    [InlineData("AADSTS50126")]
    [InlineData("aadsts50126")]
    public void Codes_in_any_form(object input)
    {
        Assert.Equal(1, _service.Explain(input, _output));

        var guidance = Assert.Single(_output.ObjectsOf<AadstsTools.Guidance>());
        Assert.Equal(50126, guidance.Code);
        Assert.Equal("InvalidUserNameOrPassword", guidance.Name);
        Assert.True(guidance.IsKnown);
        Assert.Equal("AADSTS50126", guidance.Id);
        Assert.Empty(_output.Errors);
        Assert.Empty(_output.Warnings);
    }

    [Fact]
    public void A_pasted_message_gives_every_code_with_its_ids()
    {
        string text = "AADSTS50126: bad password. Trace ID: 11111111-1111-1111-1111-111111111111\nlater: AADSTS50053: locked. Correlation ID: 22222222-2222-2222-2222-222222222222";

        Assert.Equal(2, _service.Explain(text, _output));

        var results = _output.ObjectsOf<AadstsTools.Guidance>();
        Assert.Equal(new int?[] { 50126, 50053 }, results.Select(r => r.Code));
        Assert.Equal("11111111-1111-1111-1111-111111111111", results[0].TraceId);
        Assert.Equal("22222222-2222-2222-2222-222222222222", results[1].CorrelationId);
        Assert.All(results, r => Assert.Equal("Message", r.Source));
    }

    [Fact]
    public void Unknown_code_is_an_entry_and_a_warning_not_an_error()
    {
        _service.Explain("AADSTS9999999", _output);

        var guidance = Assert.Single(_output.ObjectsOf<AadstsTools.Guidance>());
        Assert.False(guidance.IsKnown);
        Assert.Equal("https://login.microsoftonline.com/error?code=9999999", guidance.LookupUrl);
        Assert.Contains("not in this module's catalog", guidance.Summary);
        Assert.Contains("9999999", Assert.Single(_output.Warnings));
        Assert.Empty(_output.Errors);
    }

    [Fact]
    public void Text_without_a_code_is_a_non_terminating_error_quoting_it()
    {
        Assert.Equal(0, _service.Explain("my computer says no", _output));

        EngineError error = Assert.Single(_output.Errors);
        Assert.Equal("NoAadstsCode", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidData, error.Kind);
        Assert.Contains("'my computer says no'", error.Message);
        Assert.Empty(_output.Objects);
    }

    [Fact]
    public void Long_text_without_a_code_is_quoted_briefly()
    {
        string text = new string('x', 5000);
        _service.Explain(text, _output);

        EngineError error = Assert.Single(_output.Errors);
        Assert.True(error.Message.Length < 600);
        Assert.Contains("5,000 characters", error.Message);
    }

    [Fact]
    public void Null_and_zero_are_errors()
    {
        _service.Explain(null, _output);
        _service.Explain(0, _output);
        Assert.Equal(new[] { "NoInput", "InvalidAadstsCode" }, _output.Errors.Select(e => e.ErrorId));
    }

    [Fact]
    public void Graph_sign_in_record_with_nested_status()
    {
        var signIn = new Hashtable
        {
            ["id"] = "0000aaaa-11bb-cccc-dd33-eeeeee333333",
            ["createdDateTime"] = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero),
            ["userPrincipalName"] = "alice@contoso.com",
            ["appDisplayName"] = "Outlook",
            ["correlationId"] = "aaaa0000-bb11-2222-33cc-444444dddddd",
            ["status"] = new Hashtable { ["errorCode"] = 50055, ["failureReason"] = "The password is expired." },
        };

        _service.Explain(signIn, _output);

        var guidance = Assert.Single(_output.ObjectsOf<AadstsTools.Guidance>());
        Assert.Equal(50055, guidance.Code);
        Assert.Equal("Record", guidance.Source);
        Assert.Equal("alice@contoso.com", guidance.UserPrincipalName);
        Assert.Equal("Outlook", guidance.AppDisplayName);
        Assert.Equal("0000aaaa-11bb-cccc-dd33-eeeeee333333", guidance.TraceId);
        Assert.Equal("aaaa0000-bb11-2222-33cc-444444dddddd", guidance.CorrelationId);
        Assert.Equal("The password is expired.", guidance.Message);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), guidance.TimestampUtc);
    }

    [Fact]
    public void Typed_objects_are_read_by_reflection()
    {
        var signIn = new FakeSignIn { UserPrincipalName = "bob@contoso.com", Status = new FakeStatus { ErrorCode = 50053, FailureReason = "Account is locked." } };

        _service.Explain(signIn, _output);

        var guidance = Assert.Single(_output.ObjectsOf<AadstsTools.Guidance>());
        Assert.Equal(50053, guidance.Code);
        Assert.Equal("bob@contoso.com", guidance.UserPrincipalName);
    }

    [Fact]
    public void Portal_export_row_with_spaced_headers()
    {
        var row = new Dictionary<string, object?>
        {
            ["Date (UTC)"] = "2026-11-20T09:14:52Z",
            ["Request ID"] = "0000aaaa-11bb-cccc-dd33-eeeeee333333",
            ["Correlation ID"] = "aaaa0000-bb11-2222-33cc-444444dddddd",
            ["Username"] = "carol@contoso.com",
            ["Application ID "] = "00000002-0000-0ff1-ce00-000000000000",
            ["Sign-in error code"] = "50126",
            ["Failure reason"] = "Invalid username or password.",
        };

        _service.Explain(new DictionarySource(row), _output);

        var guidance = Assert.Single(_output.ObjectsOf<AadstsTools.Guidance>());
        Assert.Equal(50126, guidance.Code);
        Assert.Equal("carol@contoso.com", guidance.UserPrincipalName);
        Assert.Equal("0000aaaa-11bb-cccc-dd33-eeeeee333333", guidance.TraceId);
    }

    [Fact]
    public void Json_record_from_a_file()
    {
        using JsonDocument doc = JsonDocument.Parse("""{"ErrorCode":"AADSTS53003","Message":"Blocked"}""");
        _service.Explain(doc.RootElement, _output);
        Assert.Equal(53003, Assert.Single(_output.ObjectsOf<AadstsTools.Guidance>()).Code);
    }

    [Fact]
    public void Json_error_response_record_uses_error_codes()
    {
        using JsonDocument doc = JsonDocument.Parse("""{"error":"invalid_grant","error_codes":[50076,50079],"trace_id":"11111111-1111-1111-1111-111111111111"}""");
        _service.Explain(doc.RootElement, _output);
        var results = _output.ObjectsOf<AadstsTools.Guidance>();
        Assert.Equal(new int?[] { 50076, 50079 }, results.Select(r => r.Code));
        Assert.All(results, r => Assert.Equal("11111111-1111-1111-1111-111111111111", r.TraceId));
    }

    [Fact]
    public void Successful_sign_in_record_is_skipped_quietly()
    {
        _service.Explain(new Hashtable { ["status"] = new Hashtable { ["errorCode"] = 0 } }, _output);

        Assert.Empty(_output.Objects);
        Assert.Empty(_output.Errors);
        Assert.Contains("successful", Assert.Single(_output.Verbose));
    }

    [Fact]
    public void Record_without_a_code_names_what_it_has()
    {
        _service.Explain(new Hashtable { ["DisplayName"] = "Alice", ["Mail"] = "alice@contoso.com" }, _output);

        EngineError error = Assert.Single(_output.Errors);
        Assert.Equal("NoErrorCodeProperty", error.ErrorId);
        Assert.Contains("DisplayName", error.Message);
        Assert.Contains("status.errorCode", error.Message);
    }

    [Fact]
    public void Error_objects_with_a_message_are_parsed()
    {
        var failure = new InvalidOperationException("AADSTS700016: Application with identifier 'x' was not found in the directory 'contoso'.");
        _service.Explain(new Hashtable { ["Exception"] = failure }, _output);

        Assert.Equal(700016, Assert.Single(_output.ObjectsOf<AadstsTools.Guidance>()).Code);
    }

    [Fact]
    public void Search_ranks_name_matches_first_and_needs_every_word()
    {
        var results = _service.Search(new[] { "password", "expired" });

        Assert.NotEmpty(results);
        Assert.Contains(50055, results.Take(2).Select(r => r.Code));
        Assert.Contains(50144, results.Take(2).Select(r => r.Code));
        Assert.All(results, r => Assert.Equal("Search", r.Source));
        Assert.DoesNotContain(results, r => r.Code == 50126);
    }

    [Fact]
    public void Search_by_code_and_topic()
    {
        Assert.Equal(50053, _service.Search(new[] { "AADSTS50053" })[0].Code);
        Assert.Contains(_service.Search(new[] { "sspr", "licensing" }), g => g.Topic == "sspr-licensing");
    }

    [Fact]
    public void Search_filters_by_category()
    {
        var results = _service.Search(new[] { "device" }, new[] { GuidanceCategory.ConditionalAccess });
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Equal(GuidanceCategory.ConditionalAccess, r.Category));
    }

    [Fact]
    public void Search_with_no_words_finds_nothing()
    {
        Assert.Empty(_service.Search(new[] { " ", "" }));
        Assert.Empty(_service.Search(new[] { "zzzzunlikelyword" }));
    }

    [Fact]
    public void All_lists_every_entry_or_a_category()
    {
        Assert.Equal(GuidanceCatalog.BuiltIn.Count, _service.All().Count);
        var mfa = _service.All(new[] { GuidanceCategory.MFA });
        Assert.NotEmpty(mfa);
        Assert.All(mfa, g => Assert.Equal(GuidanceCategory.MFA, g.Category));
    }

    [Fact]
    public void Completion_offers_codes_starting_with_the_typed_digits()
    {
        var codes = _service.Complete("AADSTS5012").Select(e => e.Code).ToList();
        Assert.Contains(50126, codes);
        Assert.Contains(50125, codes);
        Assert.All(codes, c => Assert.StartsWith("5012", c!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private sealed class FakeSignIn
    {
        public string? UserPrincipalName { get; set; }

        public FakeStatus? Status { get; set; }
    }

    private sealed class FakeStatus
    {
        public int? ErrorCode { get; set; }

        public string? FailureReason { get; set; }
    }

    private sealed class DictionarySource(Dictionary<string, object?> values) : IPropertySource
    {
        public IEnumerable<KeyValuePair<string, object?>> GetProperties() => values;
    }
}
