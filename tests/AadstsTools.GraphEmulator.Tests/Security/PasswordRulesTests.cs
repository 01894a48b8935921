using AadstsTools.GraphEmulator.Security;

namespace AadstsTools.GraphEmulator.Tests.Security;

/// <summary>Entra's cloud password rules as the emulator applies them.</summary>
public class PasswordRulesTests
{
    private static readonly string?[] Names = { "Alice", "Ready", "Alice Ready", "alice.ready" };

    [Theory]
    [InlineData("Tq7#vLm2$Rx9!pWd", true)]
    [InlineData("correct horse Battery 9", true)]
    [InlineData("Abcdefg1", true)]
    [InlineData("Abcdef1", false)]
    [InlineData("abcdefgh1", false)]
    [InlineData("ABCDEFGH!", false)]
    [InlineData("Abc€defg1", false)]
    [InlineData("Abc<defg1", false)]
    [InlineData("P@ssw0rd!", false)]
    [InlineData("Summer2026!", true)]
    [InlineData("Summer26!", false)]
    [InlineData("Alice!2024x", true)]
    [InlineData("Alice1!x", false)]
    [InlineData("Contoso1!", false)]
    public void Passwords_are_judged_like_Entra(string password, bool acceptable)
    {
        Assert.Equal(acceptable, PasswordRules.IsAcceptable(password, strongPasswordRequired: true, Names, "Contoso"));
    }

    [Fact]
    public void Length_limits_are_8_and_256()
    {
        var longest = "Aa1!" + new string('x', 252);

        Assert.True(PasswordRules.IsAcceptable(longest, true, Names, "Contoso"));
        Assert.False(PasswordRules.IsAcceptable(longest + "y", true, Names, "Contoso"));
    }

    [Fact]
    public void DisableStrongPassword_drops_the_character_class_rule_only()
    {
        Assert.True(PasswordRules.IsAcceptable("lowercaseonly", strongPasswordRequired: false, Names, "Contoso"));
        Assert.False(PasswordRules.IsAcceptable("short", strongPasswordRequired: false, Names, "Contoso"));
    }

    [Fact]
    public void Every_symbol_Entra_lists_is_allowed()
    {
        Assert.All(PasswordRules.Symbols + " ", c => Assert.True(PasswordRules.IsAllowed(c), $"'{c}'"));
    }
}
