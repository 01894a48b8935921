using AadstsTools.Catalog;
using AadstsTools.Engine.Tests.TestSupport;

namespace AadstsTools.Engine.Tests.Catalog;

public class OverlayTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Overlay_overrides_only_the_fields_it_sets()
    {
        string path = _dir.Write("org.json", """
            {
              "entries": [
                {
                  "code": 50126,
                  "userSteps": ["Call the Contoso helpdesk on +1 555 0100."],
                  "links": [{ "title": "Contoso KB 1234", "url": "https://kb.contoso.example/1234" }]
                }
              ]
            }
            """);

        GuidanceCatalog merged = GuidanceCatalog.BuiltIn.WithOverlay(path);
        Assert.True(merged.TryGetCode(50126, out CatalogEntry entry));
        Assert.True(GuidanceCatalog.BuiltIn.TryGetCode(50126, out CatalogEntry original));

        Assert.Equal(new[] { "Call the Contoso helpdesk on +1 555 0100." }, entry.UserSteps);
        Assert.Equal("https://kb.contoso.example/1234", Assert.Single(entry.Links).Url);
        Assert.Equal(original.Summary, entry.Summary);
        Assert.Equal(original.AdminSteps, entry.AdminSteps);
        Assert.Equal(original.Name, entry.Name);
        Assert.Equal(new[] { path }, entry.OverlaySources);
        Assert.NotEqual(original.UserSteps, entry.UserSteps);
        Assert.Empty(original.OverlaySources);
    }

    [Fact]
    public void Overlay_adds_new_codes_and_topics()
    {
        string path = _dir.Write("org.json", """
            { "entries": [
              { "code": 9999001, "summary": "Our own proxy rejected the sign-in; call the network team.", "category": "Service", "fixedBy": ["Admin"] },
              { "topic": "contoso-vpn", "title": "Contoso VPN sign-in", "summary": "How the Contoso VPN signs users in with Entra ID.", "category": "ConditionalAccess" }
            ] }
            """);

        GuidanceCatalog merged = GuidanceCatalog.BuiltIn.WithOverlay(path);

        Assert.True(merged.TryGetCode(9999001, out CatalogEntry added));
        Assert.Equal(GuidanceCategory.Service, added.Category);
        Assert.True(merged.TryGetTopic("contoso-vpn", out _));
        Assert.Equal(GuidanceCatalog.BuiltIn.Count + 2, merged.Count);
        Assert.False(GuidanceCatalog.BuiltIn.TryGetCode(9999001, out _));
    }

    [Fact]
    public void Malformed_json_names_the_file_and_line()
    {
        string path = _dir.Write("broken.json", "{\n  \"entries\": [\n    { \"code\": 50126,\n      \"summary\" \"missing colon\" }\n  ]\n}\n");

        var ex = Assert.Throws<CatalogFileException>(() => GuidanceCatalog.BuiltIn.WithOverlay(path));

        Assert.Equal(path, ex.File);
        Assert.Equal(4, ex.Line);
        Assert.Contains(path, ex.Message);
        Assert.Contains("line 4", ex.Message);
    }

    [Fact]
    public void Unknown_category_names_the_line_and_allowed_values()
    {
        string path = _dir.Write("org.json", "{ \"entries\": [\n  { \"code\": 50126,\n    \"category\": \"Passwords\" }\n] }");

        var ex = Assert.Throws<CatalogFileException>(() => GuidanceCatalog.BuiltIn.WithOverlay(path));

        Assert.Equal(3, ex.Line);
        Assert.Contains("'Passwords'", ex.Problem);
        Assert.Contains("ConditionalAccess", ex.Problem);
    }

    [Fact]
    public void Unknown_field_is_an_error_with_its_line()
    {
        string path = _dir.Write("org.json", "{ \"entries\": [\n  { \"code\": 50126,\n    \"sumary\": \"typo\" }\n] }");

        var ex = Assert.Throws<CatalogFileException>(() => GuidanceCatalog.BuiltIn.WithOverlay(path));

        Assert.Equal(3, ex.Line);
        Assert.Contains("sumary", ex.Problem);
    }

    [Fact]
    public void Wrong_type_is_an_error_with_its_path()
    {
        string path = _dir.Write("org.json", "{ \"entries\": [\n  { \"code\": \"fifty\" }\n] }");

        var ex = Assert.Throws<CatalogFileException>(() => GuidanceCatalog.BuiltIn.WithOverlay(path));

        Assert.Equal(2, ex.Line);
        Assert.Contains("$.entries[0].code", ex.Problem);
    }

    [Fact]
    public void A_new_entry_without_summary_is_rejected()
    {
        string path = _dir.Write("org.json", "{ \"entries\": [\n  { \"code\": 9999002, \"category\": \"Service\" }\n] }");

        var ex = Assert.Throws<CatalogFileException>(() => GuidanceCatalog.BuiltIn.WithOverlay(path));

        Assert.Contains("summary", ex.Problem);
        Assert.Contains("9999002", ex.Problem);
    }

    [Fact]
    public void Entry_needs_code_or_topic()
    {
        string path = _dir.Write("org.json", "{ \"entries\": [ { \"summary\": \"no key at all here in this entry\" } ] }");

        var ex = Assert.Throws<CatalogFileException>(() => GuidanceCatalog.BuiltIn.WithOverlay(path));

        Assert.Contains("\"code\"", ex.Problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("\u00ef\u00bb\u00bf")]
    public void Empty_or_wrong_shape_is_an_error(string content)
    {
        string path = _dir.Write("org.json", content);
        Assert.Throws<CatalogFileException>(() => GuidanceCatalog.BuiltIn.WithOverlay(path));
    }

    [Fact]
    public void Missing_file_is_an_error_naming_it()
    {
        string path = _dir.File_("nope.json");
        var ex = Assert.Throws<CatalogFileException>(() => GuidanceCatalog.Load(path));
        Assert.Contains("nope.json", ex.Message);
    }

    [Fact]
    public void Built_in_catalog_keeps_working_after_a_bad_overlay()
    {
        string path = _dir.Write("org.json", "{ not json");
        Assert.Throws<CatalogFileException>(() => GuidanceCatalog.Load(path));

        Assert.True(GuidanceCatalog.BuiltIn.TryGetCode(50126, out _));
        Assert.True(GuidanceCatalog.Load(null).Count >= 352);
    }

    [Fact]
    public void Load_uses_the_environment_variable_and_caches_until_the_file_changes()
    {
        string path = _dir.Write("org.json", "{ \"entries\": [ { \"code\": 50126, \"summary\": \"First version of our own summary.\" } ] }");
        string? before = Environment.GetEnvironmentVariable(GuidanceCatalog.OverlayVariable);
        try
        {
            Environment.SetEnvironmentVariable(GuidanceCatalog.OverlayVariable, path);
            GuidanceCatalog first = GuidanceCatalog.Load();
            Assert.Same(first, GuidanceCatalog.Load());
            Assert.True(first.TryGetCode(50126, out CatalogEntry a));
            Assert.Equal("First version of our own summary.", a.Summary);

            File.WriteAllText(path, "{ \"entries\": [ { \"code\": 50126, \"summary\": \"Second, longer version of our own summary.\" } ] }");
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
            GuidanceCatalog second = GuidanceCatalog.Load();
            Assert.NotSame(first, second);
            Assert.True(second.TryGetCode(50126, out CatalogEntry b));
            Assert.Equal("Second, longer version of our own summary.", b.Summary);
        }
        finally
        {
            Environment.SetEnvironmentVariable(GuidanceCatalog.OverlayVariable, before);
        }
    }
}
