using AadstsTools.Build;
using AadstsTools.Build.Manifest;

namespace AadstsTools.Module.Tests.Manifest;

public sealed class PowerShellDataFileTests
{
    [Fact]
    public void Reads_nested_hashtables_arrays_comma_lists_strings_numbers_booleans_and_comments()
    {
        var data = PowerShellDataFile.Parse(
            """
            <# header
               comment #>
            @{
                # a comment
                Name = 'it''s'; Double = "say ""hi"" `t"
                List = @(
                    'a',
                    'b'
                    'c'
                )
                Bare = 'x', 'y'
                Empty = @()
                Number = 5.1
                Yes = $true
                Nothing = $null
                'Quoted Key' = 'v'
                Inner = @{ Deep = @{ Tags = @('t1', 't2') } }
            }
            """,
            "test.psd1");

        Assert.Equal("it's", data["name"]);
        Assert.Equal("say \"hi\" t", data["Double"]);
        Assert.Equal(new object?[] { "a", "b", "c" }, (List<object?>)data["List"]!);
        Assert.Equal(new object?[] { "x", "y" }, (List<object?>)data["Bare"]!);
        Assert.Empty((List<object?>)data["Empty"]!);
        Assert.Equal("5.1", data["Number"]);
        Assert.Equal(true, data["Yes"]);
        Assert.Null(data["Nothing"]);
        Assert.Equal("v", data["Quoted Key"]);
        var deep = (Dictionary<string, object?>)((Dictionary<string, object?>)data["Inner"]!)["Deep"]!;
        Assert.Equal(new object?[] { "t1", "t2" }, (List<object?>)deep["Tags"]!);
    }

    [Theory]
    [InlineData("@{\n  A = $env:PATH\n}", "line 2", "variables are not allowed")]
    [InlineData("@{\n  A = 'x'\n  A = 'y'\n}", "line 3", "appears twice")]
    [InlineData("@{\n  A = 'never closed\n}", "line 2", "not closed")]
    [InlineData("@{\n  A = \"$(Get-Date)\"\n}", "line 2", "expandable text")]
    [InlineData("@{\n  A = @('x'\n", "line 3", "not closed with )")]
    [InlineData("'just a string'", "line 1", "start with @{")]
    public void Invalid_data_is_an_error_naming_the_file_and_line(string text, string line, string expected)
    {
        var error = Assert.Throws<BuildException>(() => PowerShellDataFile.Parse(text, "bad.psd1"));

        Assert.StartsWith("bad.psd1: " + line + ":", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
