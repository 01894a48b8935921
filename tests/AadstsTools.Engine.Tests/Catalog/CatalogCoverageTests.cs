using System.Text.RegularExpressions;
using AadstsTools.Catalog;
using AadstsTools.Engine.Tests.TestSupport;

namespace AadstsTools.Engine.Tests.Catalog;

/// <summary>The built-in catalog covers Microsoft's page, the common log-only codes and the deep set.</summary>
public class CatalogCoverageTests
{
    /// <summary>Codes the catalog explains in full (causes, diagnosis, steps, commands, links).</summary>
    public static readonly int[] DeepCodes =
    {
        50055, 50132, 50125, 50126,
        50053, 50056, 50057, 50058, 50072, 50074, 50076, 50079, 50097, 50105, 50133, 50140, 50144, 50158, 50173, 50199,
        53000, 53001, 53003, 53004, 530032, 500121, 530003, 54005, 65001, 70043, 700016, 7000215, 7000222, 700082,
        50011, 50020, 50034, 50089, 90072, 81010, 81012, 80012, 16000, 500011,
    };

    public static readonly string[] SsprTopics = { "sspr-licensing", "sspr-admin-policy", "sspr-registration", "sspr-writeback" };

    private static readonly GuidanceCatalog Catalog = GuidanceCatalog.BuiltIn;

    [Fact]
    public void Documented_codes_are_exactly_the_official_list()
    {
        var official = ReferenceData.OfficialCodes().Select(c => c.Code).ToHashSet();
        var documented = Catalog.Entries.Where(e => e.Code.HasValue && e.Documented).Select(e => e.Code!.Value).ToHashSet();

        Assert.Equal(350, official.Count);
        Assert.Empty(official.Except(documented));
        Assert.Empty(documented.Except(official));
    }

    [Fact]
    public void Codes_absent_from_the_official_page_are_marked_undocumented()
    {
        var official = ReferenceData.OfficialCodes().Select(c => c.Code).ToHashSet();
        var extras = Catalog.Entries.Where(e => e.Code.HasValue && !official.Contains(e.Code.Value)).ToList();

        Assert.All(extras, e => Assert.False(e.Documented, $"{e.Id} is not on Microsoft's page and must say so"));
        Assert.Contains(extras, e => e.Code == 500121);
        Assert.Contains(extras, e => e.Code == 530003);
    }

    [Fact]
    public void Symbolic_names_match_the_official_list()
    {
        foreach (var (code, name) in ReferenceData.OfficialCodes())
        {
            Assert.True(Catalog.TryGetCode(code, out CatalogEntry entry));
            Assert.Equal(name, entry.Name);
        }
    }

    [Fact]
    public void Older_names_are_aliases()
    {
        foreach (var (code, name) in ReferenceData.OlderNames())
        {
            Assert.True(Catalog.TryGetCode(code, out CatalogEntry entry));
            Assert.Contains(name!, entry.Aliases);
        }
    }

    [Fact]
    public void Every_entry_has_a_summary_category_and_fixer()
    {
        Assert.All(Catalog.Entries, e =>
        {
            Assert.True(e.Summary.Length >= 25, $"{e.Id} needs a real summary");
            Assert.NotEqual(GuidanceCategory.Unknown, e.Category);
            Assert.NotEmpty(e.FixedBy);
        });
    }

    [Theory]
    [MemberData(nameof(DeepKeys))]
    public void Deep_entries_have_full_guidance(string key)
    {
        CatalogEntry entry = int.TryParse(key, out int code) ? Get(code) : GetTopic(key);

        Assert.NotEmpty(entry.Causes);
        Assert.NotEmpty(entry.Diagnosis);
        Assert.NotEmpty(entry.AdminSteps);
        Assert.NotEmpty(entry.RelatedCommands);
        Assert.NotEmpty(entry.Links);
        if (entry.FixedBy.Contains(Fixer.User))
        {
            Assert.NotEmpty(entry.UserSteps);
        }
    }

    public static TheoryData<string> DeepKeys()
    {
        var data = new TheoryData<string>();
        foreach (int code in DeepCodes)
        {
            data.Add(code.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (string topic in SsprTopics)
        {
            data.Add(topic);
        }

        return data;
    }

    [Fact]
    public void There_are_at_least_forty_deep_codes_beyond_the_seed_documents()
    {
        int deep = Catalog.Entries.Count(e => e.Code.HasValue && e.Causes.Count > 0 && e.AdminSteps.Count > 0 && e.Links.Count > 0 && e.RelatedCommands.Count > 0);
        Assert.True(deep >= 44, $"only {deep} codes have full guidance");
    }

    [Fact]
    public void Links_are_current_microsoft_learn_pages()
    {
        var locale = new Regex("^https://learn\\.microsoft\\.com/[a-z]{2}-[a-z]{2}/", RegexOptions.IgnoreCase);
        foreach (CatalogEntry entry in Catalog.Entries)
        {
            foreach (GuidanceLink link in entry.Links)
            {
                Assert.StartsWith("https://", link.Url);
                Assert.DoesNotContain("docs.microsoft.com", link.Url);
                Assert.DoesNotContain("/azure/active-directory/", link.Url);
                Assert.DoesNotMatch(locale, link.Url);
            }
        }
    }

    [Fact]
    public void Related_commands_name_the_modules_commands()
    {
        var commands = new[] { "Get-AadstsGuidance", "Test-UserSignInReadiness", "Reset-AadUserPassword", "Get-AadSignInFailure", "Connect-AadstsGraph" };
        var checks = new[] { "Exists", "Enabled", "UserType", "PasswordExpiry", "ForcedPasswordChange", "OnPremisesSync", "Federation", "SsprRegistration", "MfaRegistration", "RecentFailures" };
        foreach (CatalogEntry entry in Catalog.Entries)
        {
            foreach (RelatedCommand command in entry.RelatedCommands)
            {
                Assert.Contains(command.Command, commands);
                Match check = Regex.Match(command.Parameters, @"-Check\s+([A-Za-z, ]+)");
                if (check.Success)
                {
                    foreach (string name in check.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (name.StartsWith('-'))
                        {
                            break;
                        }

                        Assert.True(checks.Contains(name.Split(' ')[0]), $"{entry.Id}: unknown check '{name}' in '{command.CommandLine}'");
                    }
                }
            }
        }
    }

    [Fact]
    public void See_also_points_at_entries_that_exist()
    {
        foreach (CatalogEntry entry in Catalog.Entries)
        {
            foreach (string key in entry.SeeAlso)
            {
                bool exists = int.TryParse(key, out int code) ? Catalog.TryGetCode(code, out _) : Catalog.TryGetTopic(key, out _);
                Assert.True(exists, $"{entry.Id} refers to missing '{key}'");
            }
        }
    }

    [Fact]
    public void Benign_interrupts_are_marked()
    {
        Assert.True(Get(50058).Benign);
        Assert.True(Get(50140).Benign);
        Assert.True(Get(50199).Benign);
        Assert.True(Get(90025).Benign);
        Assert.False(Get(50126).Benign);
        Assert.False(Get(50053).Benign);
    }

    [Fact]
    public void Lookup_url_is_derived_from_the_code()
    {
        Assert.Equal("https://login.microsoftonline.com/error?code=50126", Get(50126).LookupUrl);
        Assert.Null(GetTopic("sspr-licensing").LookupUrl);
    }

    [Fact]
    public void Seed_guidance_points_to_the_fixing_commands()
    {
        Assert.Contains(Get(50055).RelatedCommands, c => c.Command == "Reset-AadUserPassword");
        Assert.Contains(Get(50126).RelatedCommands, c => c.Command == "Reset-AadUserPassword");
        Assert.Contains(Get(50125).SeeAlso, s => s.StartsWith("sspr-", StringComparison.Ordinal));
        Assert.Contains(Get(50053).RelatedCommands, c => c.Command == "Test-UserSignInReadiness" || c.Command == "Get-AadSignInFailure");
    }

    private static CatalogEntry Get(int code)
    {
        Assert.True(Catalog.TryGetCode(code, out CatalogEntry entry), $"AADSTS{code} missing");
        return entry;
    }

    private static CatalogEntry GetTopic(string topic)
    {
        Assert.True(Catalog.TryGetTopic(topic, out CatalogEntry entry), $"topic {topic} missing");
        return entry;
    }
}
