using AadstsTools.Build;
using AadstsTools.Build.Help;
using AadstsTools.Module.Tests.TestSupport;

namespace AadstsTools.Module.Tests.Help;

public sealed class MarkdownHelpReaderTests
{
    private const string Minimal = """
        ---
        external help file: AadstsTools.dll-Help.xml
        schema: 2.0.0
        ---

        # Get-Thing

        ## SYNOPSIS
        Gets a thing.

        ## SYNTAX

        ### ByName (Default)
        ```
        Get-Thing [-Name] <String> [<CommonParameters>]
        ```

        ## DESCRIPTION
        First paragraph,
        on two lines.

        - a list item
        - another

        ## EXAMPLES

        ### Example 1: Get one
        ```powershell
        Get-Thing a
        # ## not a heading
        ```

        It gets a.

        ## PARAMETERS

        ### -Name
        The name.

        ```yaml
        Type: String
        Parameter Sets: ByName
        Aliases: Id, Key
        Accepted values: a, b

        Required: True
        Position: 0
        Default value: None
        Accept pipeline input: True (ByPropertyName)
        Accept wildcard characters: False
        ```

        ### CommonParameters
        This cmdlet supports the common parameters.

        ## INPUTS

        ### System.String

        ## OUTPUTS

        ### AadstsTools.Thing
        A thing.

        ## NOTES

        ## RELATED LINKS

        [Docs](https://example.test/thing)
        """;

    [Fact]
    public void Reads_every_part_of_the_platyPS_schema()
    {
        CommandHelp help = MarkdownHelpReader.Parse(Minimal, "Get-Thing.md");

        Assert.Equal("Get-Thing", help.Name);
        Assert.Equal("Gets a thing.", help.Synopsis);
        Assert.Equal(new[] { "First paragraph, on two lines.", "- a list item", "- another" }, help.Description);
        SyntaxSet set = Assert.Single(help.SyntaxSets);
        Assert.True(set.IsDefault);
        Assert.Equal("ByName", set.Name);
        ExampleHelp example = Assert.Single(help.Examples);
        Assert.Equal("Example 1: Get one", example.Title);
        Assert.Equal("Get-Thing a\n# ## not a heading", example.Code);
        Assert.Equal(new[] { "It gets a." }, example.Remarks);
        ParameterHelp name = Assert.Single(help.Parameters);
        Assert.Equal(("Name", "String", true, "0", "True (ByPropertyName)"), (name.Name, name.Type, name.Required, name.Position, name.PipelineInput));
        Assert.Equal(new[] { "Id", "Key" }, name.Aliases);
        Assert.Equal(new[] { "a", "b" }, name.AcceptedValues);
        Assert.Equal("System.String", Assert.Single(help.Inputs).TypeName);
        Assert.Equal(new[] { "A thing." }, Assert.Single(help.Outputs).Description);
        LinkHelp link = Assert.Single(help.Links);
        Assert.Equal(("Docs", "https://example.test/thing"), (link.Text, link.Uri));
    }

    [Fact]
    public void The_shipped_Get_AadstsGuidance_page_reads_whole()
    {
        CommandHelp help = MarkdownHelpReader.Load(Path.Combine(Repository.Paths.Docs, "Get-AadstsGuidance.md"));

        Assert.Equal(new[] { "Lookup", "Search", "All" }, help.SyntaxSets.Select(s => s.Name));
        Assert.Equal(6, help.Examples.Count);
        Assert.Equal(new[] { "Search", "All" }, help.Parameters.Single(p => p.Name == "Category").ParameterSets);
    }

    [Theory]
    [InlineData("## SYNOPSIS\nGets a thing.\n", "## SYNOPSIS\n\n", "## SYNOPSIS is empty")]
    [InlineData("### Example 1: Get one\n```powershell\nGet-Thing a\n# ## not a heading\n```", "### Example 1: Get one\nNo code here.", "'### Example 1: Get one' has no code block")]
    [InlineData("```yaml\nType: String", "```yaml\nKind: String", "'### -Name' has no 'Type:'")]
    [InlineData("## NOTES", "## REMARKS", "unknown section '## REMARKS'")]
    [InlineData("schema: 2.0.0", "schema: 1.0.0", "schema: 2.0.0")]
    public void A_malformed_page_is_an_error_naming_the_file_and_what_is_wrong(string good, string bad, string expected)
    {
        Assert.Contains(good, Minimal, StringComparison.Ordinal);

        var error = Assert.Throws<BuildException>(() => MarkdownHelpReader.Parse(Minimal.Replace(good, bad, StringComparison.Ordinal), "Get-Thing.md"));

        Assert.Contains(error.Problems, p => p.StartsWith("Get-Thing.md:", StringComparison.Ordinal) && p.Contains(expected, StringComparison.Ordinal));
    }
}
