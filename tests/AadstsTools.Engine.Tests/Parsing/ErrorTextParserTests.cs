using System.Text;
using AadstsTools.Parsing;

namespace AadstsTools.Engine.Tests.Parsing;

public class ErrorTextParserTests
{
    private const string AzCliJson = """
        {"error":"invalid_grant","error_description":"AADSTS50126: Error validating credentials due to invalid username or password.\r\nTrace ID: 0000aaaa-11bb-cccc-dd33-eeeeee333333\r\nCorrelation ID: aaaa0000-bb11-2222-33cc-444444dddddd\r\nTimestamp: 2026-11-20 09:14:52Z","error_codes":[50126],"timestamp":"2026-11-20 09:14:52Z","trace_id":"0000aaaa-11bb-cccc-dd33-eeeeee333333","correlation_id":"aaaa0000-bb11-2222-33cc-444444dddddd","error_uri":"https://login.microsoftonline.com/error?code=50126"}
        """;

    [Theory]
    [InlineData("50126", 50126)]
    [InlineData("AADSTS50126", 50126)]
    [InlineData("aadsts50126", 50126)]
    [InlineData("  AADSTS50126:  ", 50126)]
    [InlineData("7000215", 7000215)]
    public void Whole_text_codes(string text, int expected)
    {
        Assert.True(ErrorTextParser.TryParseCode(text, out int code));
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("AADSTS")]
    [InlineData("0")]
    [InlineData("50126 50053")]
    [InlineData("error 50126")]
    [InlineData("-50126")]
    public void Not_a_lone_code(string text) => Assert.False(ErrorTextParser.TryParseCode(text, out _));

    [Fact]
    public void A_whole_json_error_response_is_one_error_with_its_ids()
    {
        var result = ErrorTextParser.Parse(AzCliJson);

        ErrorOccurrence error = Assert.Single(result.Occurrences);
        Assert.Equal(50126, error.Code);
        Assert.Equal("0000aaaa-11bb-cccc-dd33-eeeeee333333", error.TraceId);
        Assert.Equal("aaaa0000-bb11-2222-33cc-444444dddddd", error.CorrelationId);
        Assert.Equal("2026-11-20 09:14:52Z", error.Timestamp);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 14, 52, TimeSpan.Zero), error.TimestampUtc);
        Assert.Equal("invalid_grant", error.OAuthError);
        Assert.Equal("Error validating credentials due to invalid username or password.", error.Message);
    }

    [Fact]
    public void Pretty_printed_json_with_error_codes_only()
    {
        string json = """
            {
              "error": "interaction_required",
              "error_codes": [
                50076
              ],
              "trace_id": "11111111-2222-3333-4444-555555555555",
              "correlation_id": "66666666-7777-8888-9999-000000000000",
              "timestamp": "2026-01-09 02:02:12Z"
            }
            """;

        ErrorOccurrence error = Assert.Single(ErrorTextParser.Parse(json).Occurrences);

        Assert.Equal(50076, error.Code);
        Assert.Equal("11111111-2222-3333-4444-555555555555", error.TraceId);
        Assert.Equal("66666666-7777-8888-9999-000000000000", error.CorrelationId);
        Assert.Equal("interaction_required", error.OAuthError);
    }

    [Fact]
    public void Several_messages_keep_their_own_ids_in_order()
    {
        string text = """
            First attempt:
            AADSTS50126: Error validating credentials due to invalid username or password.
            Trace ID: 11111111-1111-1111-1111-111111111111
            Correlation ID: aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa
            Timestamp: 2026-11-20 08:00:00Z

            Second attempt:
            AADSTS50053: The account is locked.
            Trace ID: 22222222-2222-2222-2222-222222222222
            Correlation ID: bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb
            Timestamp: 2026-11-20 08:05:00Z

            Third: AADSTS50126: again. Trace ID: 33333333-3333-3333-3333-333333333333 Correlation ID: cccccccc-cccc-cccc-cccc-cccccccccccc Timestamp: 2026-11-20 08:10:00Z
            """;

        var errors = ErrorTextParser.Parse(text).Occurrences;

        Assert.Equal(new[] { 50126, 50053, 50126 }, errors.Select(e => e.Code));
        Assert.Equal(new[] { "11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222", "33333333-3333-3333-3333-333333333333" }, errors.Select(e => e.TraceId));
        Assert.Equal(new[] { "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa", "bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb", "cccccccc-cccc-cccc-cccc-cccccccccccc" }, errors.Select(e => e.CorrelationId));
        Assert.Equal("2026-11-20 08:05:00Z", errors[1].Timestamp);
    }

    [Fact]
    public void Same_code_with_a_different_trace_id_is_a_separate_error()
    {
        string text = "AADSTS50126: x Trace ID: 11111111-1111-1111-1111-111111111111 AADSTS50126: y Trace ID: 22222222-2222-2222-2222-222222222222";
        Assert.Equal(2, ErrorTextParser.Parse(text).Occurrences.Count);
    }

    [Fact]
    public void Msal_exception_text()
    {
        string text = "Microsoft.Identity.Client.MsalUiRequiredException: AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '00000003-0000-0000-c000-000000000000'. Trace ID: 8a1b2c3d-0000-4000-8000-123456789abc Correlation ID: 9f8e7d6c-1111-4111-8111-abcdefabcdef Timestamp: 2026-03-04 05:06:07Z\n   at Microsoft.Identity.Client.Internal.Requests.RequestBase.HandleTokenRefreshErrorAsync()";

        ErrorOccurrence error = Assert.Single(ErrorTextParser.Parse(text).Occurrences);

        Assert.Equal(50076, error.Code);
        Assert.Equal("8a1b2c3d-0000-4000-8000-123456789abc", error.TraceId);
        Assert.StartsWith("Due to a configuration change", error.Message);
        Assert.DoesNotContain("Trace ID", error.Message);
    }

    [Fact]
    public void Lookup_urls_give_their_code()
    {
        var errors = ErrorTextParser.Parse("see https://login.microsoftonline.com/error?code=50058 and https://login.microsoftonline.us/error?code=53003").Occurrences;
        Assert.Equal(new[] { 50058, 53003 }, errors.Select(e => e.Code));
    }

    [Fact]
    public void Sign_in_log_details_pane_text()
    {
        string text = "Date\t11/20/2026, 9:14:52 AM\nRequest ID\t0000aaaa-11bb-cccc-dd33-eeeeee333333\nCorrelation ID\taaaa0000-bb11-2222-33cc-444444dddddd\nStatus\tFailure\nSign-in error code\t50053\nFailure reason\tAccount is locked.";

        ErrorOccurrence error = Assert.Single(ErrorTextParser.Parse(text).Occurrences);

        Assert.Equal(50053, error.Code);
        Assert.Equal("0000aaaa-11bb-cccc-dd33-eeeeee333333", error.TraceId);
        Assert.Equal("aaaa0000-bb11-2222-33cc-444444dddddd", error.CorrelationId);
    }

    [Fact]
    public void Graph_sign_in_json_with_status_error_code()
    {
        string json = """{"id":"0000aaaa-11bb-cccc-dd33-eeeeee333333","createdDateTime":"2026-11-20T09:14:52Z","userPrincipalName":"alice@contoso.com","correlationId":"aaaa0000-bb11-2222-33cc-444444dddddd","status":{"errorCode":50055,"failureReason":"The password is expired."}}""";

        ErrorOccurrence error = Assert.Single(ErrorTextParser.Parse(json).Occurrences);

        Assert.Equal(50055, error.Code);
        Assert.Equal("aaaa0000-bb11-2222-33cc-444444dddddd", error.CorrelationId);
        Assert.Equal("2026-11-20T09:14:52Z", error.Timestamp);
    }

    [Fact]
    public void Success_code_zero_is_not_an_error()
    {
        Assert.Empty(ErrorTextParser.Parse("{\"status\":{\"errorCode\":0}}").Occurrences);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello world")]
    [InlineData("Timestamp: 2026-01-01 00:00:00Z Trace ID: 11111111-1111-1111-1111-111111111111")]
    [InlineData("AADSTS is mentioned without a number")]
    [InlineData("phone 5550126 is not a code")]
    public void Text_without_codes(string text) => Assert.Empty(ErrorTextParser.Parse(text).Occurrences);

    [Fact]
    public void Codes_inside_words_are_not_codes()
    {
        Assert.Empty(ErrorTextParser.Parse("XAADSTS50126 and AADSTS50126123456789").Occurrences);
    }

    [Fact]
    public void Ten_megabytes_of_garbage_finishes_with_nothing_found()
    {
        var random = new Random(42);
        var builder = new StringBuilder(10 * 1024 * 1024);
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 :=\"'\\\r\n-{}[],AADSTStraceIDcorrelation";
        while (builder.Length < 10 * 1024 * 1024)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        var result = ErrorTextParser.Parse(builder.ToString().Replace("AADSTS", "AADSTX"));

        Assert.Empty(result.Occurrences);
    }

    [Fact]
    public void Ten_megabytes_of_one_repeated_error_is_one_error()
    {
        string line = "AADSTS50126: Error validating credentials due to invalid username or password.\n";
        string text = string.Concat(Enumerable.Repeat(line, 10 * 1024 * 1024 / line.Length)) + "AADSTS50053: locked";

        var result = ErrorTextParser.Parse(text);

        Assert.Equal(new[] { 50126, 50053 }, result.Occurrences.Select(e => e.Code));
        Assert.False(result.Truncated);
    }

    [Fact]
    public void More_errors_than_the_cap_are_truncated_not_lost_silently()
    {
        var builder = new StringBuilder();
        for (int i = 0; i < ErrorTextParser.MaxOccurrences + 10; i++)
        {
            builder.Append("AADSTS50126: x Trace ID: ").Append(new Guid(i, 0, 0, new byte[8]).ToString()).Append('\n');
        }

        var result = ErrorTextParser.Parse(builder.ToString());

        Assert.Equal(ErrorTextParser.MaxOccurrences, result.Occurrences.Count);
        Assert.True(result.Truncated);
    }
}
