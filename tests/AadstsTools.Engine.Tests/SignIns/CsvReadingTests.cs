using System.Globalization;
using System.Text;
using AadstsTools.Engine.Tests.TestSupport;
using AadstsTools.SignIns;
using AadstsTools.Output;
using AadstsTools.SignIns.Files;
using AadstsTools.TestData;

namespace AadstsTools.Engine.Tests.SignIns;

public class CsvReadingTests
{
    public static TheoryData<SignInLogType, string> LogTypes => new()
    {
        { SignInLogType.Interactive, "InteractiveSignIns_2026-11-19_2026-11-20.csv" },
        { SignInLogType.NonInteractive, "NonInteractiveSignIns_2026-11-19_2026-11-20.csv" },
        { SignInLogType.ServicePrincipal, "ApplicationSignIns_2026-11-19_2026-11-20.csv" },
        { SignInLogType.ManagedIdentity, "MSISignIns_2026-11-19_2026-11-20.csv" },
    };

    [Theory]
    [MemberData(nameof(LogTypes))]
    public void Reads_each_log_types_download_by_column_name(SignInLogType type, string fileName)
    {
        var expected = SyntheticSignInLog.OfType(type, 40);
        using var temp = new TempDirectory();
        string path = temp.File_(fileName);
        SyntheticSignInLog.WriteCsv(path, expected, type);

        var read = SignInFiles.File(path);

        Assert.Null(read.Report.Error);
        Assert.Equal(0, read.Report.RowsSkipped);
        Assert.Equal(type, read.Report.LogType);
        Assert.Equal(expected.Count, read.Events.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            SignInFiles.AssertSame(expected[i], read.Events[i], type);
        }
    }

    [Fact]
    public void The_sample_download_has_the_portals_quirks_and_reads_whole()
    {
        string path = RepositoryFiles.Path("examples", "signins-interactive.csv");
        byte[] bytes = File.ReadAllBytes(path);
        string header = Encoding.UTF8.GetString(bytes).Split("\r\n")[0];
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
        Assert.Contains(",Application ID ,", header);
        Assert.Equal(2, header.Split(',').Count(c => c == "Incoming token type"));

        var read = SignInFiles.File(path);

        var expected = SyntheticSignInLog.Scenario();
        Assert.Null(read.Report.Error);
        Assert.Equal(expected.Count, read.Events.Count);
        Assert.Equal(expected.Select(e => (e.Time, e.ErrorCode, e.Principal, (string?)e.AppId, (string?)e.FailureReason)), read.Events.Select(e => (e.TimeUtc, e.ErrorCode, e.Principal, e.AppId, e.FailureReason)));
        Assert.Contains(read.Events, e => e.FailureReason!.Contains('\n'));
        Assert.Empty(read.Output.Warnings);
    }

    [Fact]
    public void Quoted_fields_over_several_lines_keep_their_line_breaks_and_the_line_numbers_stay_right()
    {
        string csv = SignInFiles.Csv(
            SignInFiles.Row("2026-11-20T09:00:00Z"),
            "2026-11-20T09:01:00Z,req,uid,Ada,ada@contoso.example,Teams,app,198.51.100.7,\"Seattle, Washington, US\",Failure,500121,\"First line\nsecond line\nthird\",Browser,Not Applied",
            "2026-11-20T09:02:00Z,req,uid,Ada,ada@contoso.example,Teams,app,198.51.100.7,x,Failure,nope,bad,Browser,Not Applied");

        var read = SignInFiles.Text(csv);

        Assert.Equal(2, read.Events.Count);
        Assert.Equal("First line\nsecond line\nthird", read.Events[1].FailureReason);
        Assert.EndsWith(":3", read.Events[1].Origin);
        Assert.Equal(6, Assert.Single(read.Report.SkippedSamples).Line);
    }

    [Fact]
    public void A_column_named_twice_gives_the_first_non_empty_value()
    {
        string csv = "Date (UTC),Sign-in error code,Username,Sign-in error code\r\n2026-11-20T09:00:00Z,,ada@contoso.example,50126\r\n2026-11-20T09:01:00Z,50053,bob@contoso.example,\r\n";

        var read = SignInFiles.Text(csv);

        Assert.Equal(new[] { 50126, 50053 }, read.Events.Select(e => e.ErrorCode));
    }

    [Fact]
    public void Header_names_match_ignoring_case_and_spaces_at_either_end_or_doubled()
    {
        string csv = "\uFEFF date (utc)  ,  SIGN-IN   ERROR CODE,  Username \r\n2026-11-20T09:00:00Z,50126,ada@contoso.example\r\n";

        var read = SignInFiles.Text(csv);

        var signIn = Assert.Single(read.Events);
        Assert.Equal("ada@contoso.example", signIn.UserPrincipalName);
        Assert.Equal(50126, signIn.ErrorCode);
    }

    [Fact]
    public void A_missing_required_column_is_an_error_naming_it_and_the_columns_found()
    {
        string csv = "Date (UTC),Request ID,Username,Status\r\n2026-11-20T09:00:00Z,r,ada@contoso.example,Failure\r\n";

        var read = SignInFiles.Text(csv);

        Assert.Empty(read.Events);
        EngineError error = Assert.Single(read.Output.Errors);
        Assert.Equal("MissingSignInColumn", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidData, error.Kind);
        Assert.Contains("no 'Sign-in error code' column", error.Message);
        Assert.Contains("'Date (UTC)', 'Request ID', 'Username', 'Status'", error.Message);
        Assert.NotNull(error.RecommendedAction);
    }

    [Fact]
    public void A_file_delimited_by_another_character_is_an_error_that_says_so()
    {
        string csv = "Date (UTC)|Sign-in error code|Username\r\n2026-11-20T09:00:00Z|50126|ada@contoso.example\r\n";

        var read = SignInFiles.Text(csv);

        Assert.Empty(read.Events);
        string message = Assert.Single(read.Output.Errors).Message;
        Assert.Contains("no 'Date (UTC)' column", message);
        Assert.Contains("separated by '|'", message);
    }

    public static TheoryData<string, string, string, string> Resaves => new()
    {
        // A German spreadsheet: semicolons, dd.MM.yyyy, the ANSI code page without BOM.
        { ";", "dd.MM.yyyy HH:mm", "de-DE", "iso-8859-1" },
        // A US spreadsheet's "Unicode text": tabs, M/d/yyyy h:mm:ss tt, UTF-16 with BOM.
        { "\t", "M/d/yyyy h:mm:ss tt", "en-US", "utf-16" },
        // A British spreadsheet's "CSV UTF-8": commas, dd/MM/yyyy HH:mm.
        { ",", "dd/MM/yyyy HH:mm", "en-GB", "utf-8" },
    };

    [Theory]
    [MemberData(nameof(Resaves))]
    public void Reads_files_a_spreadsheet_re_saved_in_its_own_culture(string delimiter, string dateFormat, string culture, string encoding)
    {
        var expected = SyntheticSignInLog.Scenario().Take(300).ToList();
        var style = new SyntheticSignInLog.CsvStyle
        {
            Delimiter = delimiter,
            DateFormat = dateFormat,
            DateCulture = CultureInfo.GetCultureInfo(culture),
            Encoding = encoding == "utf-8" ? new UTF8Encoding(true) : Encoding.GetEncoding(encoding),
        };
        using var stream = new MemoryStream();
        SyntheticSignInLog.WriteCsv(stream, expected, SignInLogType.Interactive, style);

        // The fallback culture is the other order: the file's own dates must decide.
        var options = new SignInFileOptions { FallbackCulture = CultureInfo.GetCultureInfo(dateFormat.StartsWith('M') ? "en-GB" : "en-US") };
        var read = SignInFiles.Bytes(stream.ToArray(), options: options);

        Assert.Null(read.Report.Error);
        Assert.Equal(0, read.Report.RowsSkipped);
        Assert.False(read.Report.DateOrderGuessed);
        Assert.Equal(expected.Select(e => Truncate(e.Time, dateFormat)), read.Events.Select(e => e.TimeUtc));
        Assert.Equal(expected.Select(e => e.Principal), read.Events.Select(e => e.Principal));
        Assert.Empty(read.Output.Warnings);
    }

    [Fact]
    public void Ambiguous_dates_wait_for_a_date_that_tells_the_order_and_keep_the_files_order()
    {
        string csv = SignInFiles.Csv(
            SignInFiles.Row("05/11/2026 09:14"),
            SignInFiles.Row("06/11/2026 10:00"),
            SignInFiles.Row("20/11/2026 09:14"),
            SignInFiles.Row("07/11/2026 08:00"));

        var read = SignInFiles.Text(csv, options: new SignInFileOptions { FallbackCulture = CultureInfo.GetCultureInfo("en-US") });

        Assert.Equal(new[] { Utc(2026, 11, 5, 9, 14), Utc(2026, 11, 6, 10, 0), Utc(2026, 11, 20, 9, 14), Utc(2026, 11, 7, 8, 0) }, read.Events.Select(e => e.TimeUtc));
        Assert.Equal(SignInDateOrder.DayFirst, read.Report.DateOrderUsed);
        Assert.Equal(3, read.Report.AmbiguousDates);
        Assert.Empty(read.Output.Warnings);
        Assert.Contains(read.Output.Verbose, v => v.Contains("learned from line 4"));
    }

    [Fact]
    public void Month_first_is_learned_from_a_us_date_with_am_pm()
    {
        string csv = SignInFiles.Csv(SignInFiles.Row("11/5/2026 9:14:52 AM"), SignInFiles.Row("11/20/2026 1:05:00 PM"));

        var read = SignInFiles.Text(csv, options: new SignInFileOptions { FallbackCulture = CultureInfo.GetCultureInfo("en-GB") });

        Assert.Equal(new[] { Utc(2026, 11, 5, 9, 14, 52), Utc(2026, 11, 20, 13, 5) }, read.Events.Select(e => e.TimeUtc));
        Assert.Equal(SignInDateOrder.MonthFirst, read.Report.DateOrderUsed);
    }

    [Theory]
    [InlineData("en-US", 5, 6)]
    [InlineData("en-GB", 6, 5)]
    public void When_no_date_tells_the_fallback_cultures_order_is_used_with_one_warning(string culture, int month, int day)
    {
        string csv = SignInFiles.Csv(SignInFiles.Row("05/06/2026 09:14"), SignInFiles.Row("05/06/2026 09:20"), SignInFiles.Row("06/05/2026 10:00"));

        var read = SignInFiles.Text(csv, options: new SignInFileOptions { FallbackCulture = CultureInfo.GetCultureInfo(culture) });

        Assert.Equal(Utc(2026, month, day, 9, 14), read.Events[0].TimeUtc);
        Assert.True(read.Report.DateOrderGuessed);
        string warning = Assert.Single(read.Output.Warnings);
        Assert.Contains("3 dates such as '05/06/2026 09:14' (line 2)", warning);
        Assert.Contains("the culture " + culture, warning);
        Assert.Contains("-DateOrder", warning);
    }

    [Fact]
    public void DateOrder_settles_ambiguous_dates_without_a_warning()
    {
        string csv = SignInFiles.Csv(SignInFiles.Row("05/06/2026 09:14"));

        var read = SignInFiles.Text(csv, options: new SignInFileOptions { DateOrder = SignInDateOrder.MonthFirst, FallbackCulture = CultureInfo.GetCultureInfo("en-GB") });

        Assert.Equal(Utc(2026, 5, 6, 9, 14), Assert.Single(read.Events).TimeUtc);
        Assert.Empty(read.Output.Warnings);
    }

    [Fact]
    public void Dates_in_both_orders_are_each_read_as_the_only_date_they_can_be_with_a_warning()
    {
        string csv = SignInFiles.Csv(SignInFiles.Row("20/11/2026 09:14"), SignInFiles.Row("11/21/2026 09:14"));

        var read = SignInFiles.Text(csv);

        Assert.Equal(new[] { Utc(2026, 11, 20, 9, 14), Utc(2026, 11, 21, 9, 14) }, read.Events.Select(e => e.TimeUtc));
        Assert.Contains(read.Output.Warnings, w => w.Contains("other day/month order"));
    }

    [Fact]
    public void Many_ambiguous_rows_are_settled_by_the_fallback_without_waiting_for_the_end()
    {
        var rows = Enumerable.Range(0, 30).Select(_ => SignInFiles.Row("05/06/2026 09:14")).ToArray();

        var read = SignInFiles.Text(SignInFiles.Csv(rows), options: new SignInFileOptions { MaxPendingAmbiguousRows = 10, FallbackCulture = CultureInfo.GetCultureInfo("en-GB") });

        Assert.Equal(30, read.Events.Count);
        Assert.All(read.Events, e => Assert.Equal(Utc(2026, 6, 5, 9, 14), e.TimeUtc));
    }

    [Fact]
    public void Rows_that_cannot_be_read_are_skipped_and_counted_in_one_warning_naming_the_first_lines()
    {
        var rows = new List<string>();
        for (int i = 0; i < 20; i++)
        {
            rows.Add(i % 3 == 0 ? SignInFiles.Row("yesterday") : SignInFiles.Row("2026-11-20T09:00:00Z"));
        }

        rows.Add("2026-11-20T09:00:00Z,req,uid,Ada,ada@contoso.example,Teams,app,198.51.100.7,x,Failure,AADSTS5x0126,r,Browser,Failure");
        var read = SignInFiles.Text(SignInFiles.Csv(rows.ToArray()));

        Assert.Equal(13, read.Events.Count);
        Assert.Equal(8, read.Report.RowsSkipped);
        string warning = Assert.Single(read.Output.Warnings);
        Assert.Contains("skipped 8 of 21 rows", warning);
        Assert.Contains("lines 2, 5, 8, 11, 14, …", warning);
        Assert.Contains("'yesterday' is not a date", warning);
        Assert.Empty(read.Output.Errors);
    }

    [Fact]
    public void A_file_cut_off_in_the_middle_of_a_row_gives_the_rows_before_and_counts_the_cut_one()
    {
        string csv = SignInFiles.Csv(SignInFiles.Row("2026-11-20T09:00:00Z"), SignInFiles.Row("2026-11-20T09:01:00Z"));
        csv += "2026-11-20T09:02:00Z,req,uid,Ada,ada@con";

        var read = SignInFiles.Text(csv);

        Assert.Equal(2, read.Events.Count);
        Assert.Equal(1, read.Report.RowsSkipped);
        Assert.Contains("cut short", Assert.Single(read.Output.Warnings));
    }

    [Fact]
    public void A_quote_that_never_closes_stops_the_read_with_an_error_after_the_rows_before_it()
    {
        string csv = SignInFiles.Csv(SignInFiles.Row("2026-11-20T09:00:00Z"))
            + "2026-11-20T09:01:00Z,\"req,uid" + string.Concat(Enumerable.Repeat("\r\n2026-11-20T09:02:00Z,req,uid,Ada,ada,Teams,app,198.51.100.7,Seattle,Failure,50126,r,Browser,Not Applied", 200));

        var read = SignInFiles.Text(csv, options: new SignInFileOptions { MaxLineLength = 4096 });

        Assert.Single(read.Events);
        Assert.Equal("SignInFieldTooLong", Assert.Single(read.Output.Errors).ErrorId);
    }

    [Fact]
    public void A_success_row_with_an_empty_code_is_a_success()
    {
        string csv = "Date (UTC),Status,Sign-in error code\r\n2026-11-20T09:00:00Z,Success,\r\n2026-11-20T09:00:00Z,Failure,\r\n";

        var read = SignInFiles.Text(csv);

        Assert.Equal(0, Assert.Single(read.Events).ErrorCode);
        Assert.Contains("'Sign-in error code' is empty", Assert.Single(read.Output.Warnings));
    }

    [Fact]
    public void An_empty_file_is_an_error()
    {
        var read = SignInFiles.Bytes(Array.Empty<byte>());

        Assert.Equal("EmptySignInFile", Assert.Single(read.Output.Errors).ErrorId);
        Assert.Empty(read.Events);
    }

    [Fact]
    public void A_file_holding_only_a_byte_order_mark_is_empty()
    {
        var read = SignInFiles.Bytes(new byte[] { 0xEF, 0xBB, 0xBF });

        Assert.Equal("EmptySignInFile", Assert.Single(read.Output.Errors).ErrorId);
    }

    [Fact]
    public void A_header_without_rows_is_a_warning_not_an_error()
    {
        var read = SignInFiles.Text(SignInFiles.Csv());

        Assert.Empty(read.Events);
        Assert.Empty(read.Output.Errors);
        Assert.Contains("has a header but no sign-in rows", Assert.Single(read.Output.Warnings));
    }

    [Fact]
    public void A_binary_file_is_an_error()
    {
        byte[] zip = { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00 };

        var read = SignInFiles.Bytes(zip);

        EngineError error = Assert.Single(read.Output.Errors);
        Assert.Equal("BinarySignInFile", error.ErrorId);
        Assert.Contains("not a text file", error.Message);
    }

    [Fact]
    public void A_file_that_does_not_exist_is_an_error_not_an_exception()
    {
        var read = SignInFiles.File(Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid(), "InteractiveSignIns.csv"));

        Assert.Equal(ErrorKind.ObjectNotFound, Assert.Single(read.Output.Errors).Kind);
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    private static DateTimeOffset Truncate(DateTimeOffset time, string format) =>
        format.Contains('s') ? time : new DateTimeOffset(time.Year, time.Month, time.Day, time.Hour, time.Minute, 0, TimeSpan.Zero);
}
