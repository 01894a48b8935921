using AadstsTools.Build.Checks;
using AadstsTools.Module.Tests.TestSupport;

namespace AadstsTools.Module.Tests.Formats;

public sealed class FormatFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Every_shipped_format_file_is_valid()
    {
        string[] files = Directory.GetFiles(Repository.Paths.Formats, "*.format.ps1xml");
        Assert.NotEmpty(files);
        foreach (string path in files)
        {
            FormatFile file = FormatFile.Load(path);

            Assert.Empty(file.Problems);
            Assert.NotEmpty(file.Views);
        }
    }

    [Fact]
    public void Guidance_has_a_table_for_many_results_and_a_list_with_the_steps()
    {
        FormatFile file = FormatFile.Load(Path.Combine(Repository.Paths.Formats, "AadstsTools.Guidance.format.ps1xml"));

        Assert.Contains(file.Views, v => v.Control == "TableControl" && v.TypeNames.Contains("AadstsTools.Guidance"));
        Assert.Contains(file.Views, v => v.Control == "ListControl" && v.TypeNames.Contains("AadstsTools.Guidance"));
    }

    [Fact]
    public void Structural_mistakes_are_reported_with_file_line_and_view()
    {
        string path = _folder.Write("Broken.format.ps1xml", """
            <Configuration>
              <ViewDefinitions>
                <View>
                  <Name>Mismatch</Name>
                  <ViewSelectedBy><TypeName>AadstsTools.X</TypeName></ViewSelectedBy>
                  <TableControl>
                    <TableHeaders><TableColumnHeader /><TableColumnHeader /></TableHeaders>
                    <TableRowEntries><TableRowEntry><TableColumnItems>
                      <TableColumnItem><PropertyName>A</PropertyName></TableColumnItem>
                    </TableColumnItems></TableRowEntry></TableRowEntries>
                  </TableControl>
                </View>
                <View>
                  <Name>NoControl</Name>
                  <ViewSelectedBy><TypeName>AadstsTools.X</TypeName></ViewSelectedBy>
                </View>
                <View>
                  <Name>NoType</Name>
                  <ListControl><ListEntries><ListEntry><ListItems><ListItem><Label>Empty</Label></ListItem></ListItems></ListEntry></ListEntries></ListControl>
                </View>
              </ViewDefinitions>
            </Configuration>
            """);

        FormatFile file = FormatFile.Load(path);

        Assert.Contains(file.Problems, p => p.Contains("line 3: view 'Mismatch': 2 column headers but 1 column items", StringComparison.Ordinal));
        Assert.Contains(file.Problems, p => p.Contains("view 'NoControl' must have exactly one of", StringComparison.Ordinal));
        Assert.Contains(file.Problems, p => p.Contains("view 'NoType' has no <ViewSelectedBy><TypeName>", StringComparison.Ordinal));
        Assert.Contains(file.Problems, p => p.Contains("a <ListItem> without <PropertyName> or <ScriptBlock>", StringComparison.Ordinal));
    }

    [Fact]
    public void Malformed_xml_and_a_missing_file_are_reported()
    {
        Assert.Contains("not well-formed XML", Assert.Single(FormatFile.Load(_folder.Write("Bad.format.ps1xml", "<Configuration><ViewDefinitions>")).Problems), StringComparison.Ordinal);
        Assert.Contains("the format file is missing", Assert.Single(FormatFile.Load(_folder.Combine("None.format.ps1xml")).Problems), StringComparison.Ordinal);
    }
}
