using System.Text;
using AadstsTools.Catalog;

namespace AadstsTools.Engine.Tests.Catalog;

public class CatalogLoaderTests
{
    [Fact]
    public void Built_in_files_must_be_complete()
    {
        byte[] json = Encoding.UTF8.GetBytes("{ \"entries\": [\n { \"code\": 1 }\n] }");
        var ex = Assert.Throws<CatalogFileException>(() => CatalogLoader.Parse(json, "x.json", complete: true));
        Assert.Equal(2, ex.Line);
    }

    [Fact]
    public void A_key_twice_in_one_file_is_an_error()
    {
        byte[] json = Encoding.UTF8.GetBytes("{ \"entries\": [\n { \"code\": 1, \"summary\": \"one two three four five six\", \"category\": \"Service\" },\n { \"code\": 1, \"summary\": \"one two three four five six\", \"category\": \"Service\" }\n] }");
        var ex = Assert.Throws<CatalogFileException>(() => CatalogLoader.Parse(json, "x.json", complete: true));
        Assert.Equal(3, ex.Line);
        Assert.Contains("twice", ex.Problem);
    }

    [Fact]
    public void Built_in_resources_each_parse()
    {
        var files = CatalogLoader.ReadBuiltIn().ToList();
        Assert.True(files.Count >= 5);
        Assert.All(files, f => Assert.NotEmpty(f.Entries));
    }

    [Theory]
    [InlineData("Conditional Access", GuidanceCategory.ConditionalAccess)]
    [InlineData("conditionalaccess", GuidanceCategory.ConditionalAccess)]
    [InlineData("Account/Lockout", GuidanceCategory.AccountLockout)]
    [InlineData("mfa", GuidanceCategory.MFA)]
    [InlineData("Federation & hybrid", GuidanceCategory.FederationHybrid)]
    public void Categories_parse_by_name_or_display_name(string text, GuidanceCategory expected)
    {
        Assert.True(GuidanceCategoryNames.TryParse(text, out GuidanceCategory category));
        Assert.Equal(expected, category);
    }

    [Theory]
    [InlineData("Unknown")]
    [InlineData("Passwords")]
    [InlineData("")]
    public void Unknown_categories_do_not_parse(string text) => Assert.False(GuidanceCategoryNames.TryParse(text, out _));
}
