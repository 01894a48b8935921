using AadstsTools.Build;
using AadstsTools.Build.Help;

namespace AadstsTools.Module.Tests.Help;

public sealed class AboutTopicWriterTests
{
    [Fact]
    public void Headings_go_to_the_margin_text_is_indented_and_wrapped_code_and_tables_kept()
    {
        string text = AboutTopicWriter.Convert(
            """
            # about_Thing

            ## SHORT DESCRIPTION
            Short.

            ## LONG DESCRIPTION
            A long paragraph with `code` and **bold** words that goes on and on past the eightieth column of the page.

            - an item that is also long enough to wrap onto a second line of its own, hanging under its text

            ### A subsection
            ```powershell
            Get-Thing -Name 'a very long argument that is never wrapped because it is code, whatever its length is'
            ```

            | a | b |
            |---|---|
            """,
            "about_Thing.md");

        string[] lines = text.Split('\n');
        Assert.Equal(new[] { "TOPIC", "    about_Thing", "", "SHORT DESCRIPTION", "    Short.", "", "LONG DESCRIPTION" }, lines.Take(7));
        Assert.Equal("    A long paragraph with code and bold words that goes on and on past the", lines[7]);
        Assert.Equal("    eightieth column of the page.", lines[8]);
        Assert.Equal("    - an item that is also long enough to wrap onto a second line of its own,", lines[10]);
        Assert.Equal("      hanging under its text", lines[11]);
        Assert.Contains("    A subsection", lines);
        Assert.Contains("            Get-Thing -Name 'a very long argument that is never wrapped because it is code, whatever its length is'", lines);
        Assert.Contains("        | a | b |", lines);
    }

    [Fact]
    public void A_topic_without_its_title_or_descriptions_is_an_error()
    {
        Assert.Contains("must be '# about_Thing'", Assert.Throws<BuildException>(() => AboutTopicWriter.Convert("# about_Other\n", "about_Thing.md")).Message, StringComparison.Ordinal);
        var missing = Assert.Throws<BuildException>(() => AboutTopicWriter.Convert("# about_Thing\n\n## SHORT DESCRIPTION\nx\n", "about_Thing.md"));
        Assert.Equal("about_Thing.md: no '## LONG DESCRIPTION' section.", Assert.Single(missing.Problems));
    }
}
