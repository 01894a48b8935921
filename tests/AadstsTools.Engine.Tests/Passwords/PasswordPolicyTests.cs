using System.Security;
using AadstsTools.Passwords;

namespace AadstsTools.Engine.Tests.Passwords;

public class PasswordPolicyTests
{
    private static readonly UserNameParts Mary = UserNameParts.FromUser("mary.oneil@contoso.com", "Mary O'Neil", "Mary", "O'Neil");

    [Theory]
    [InlineData("Tr0ub4dor&3")]
    [InlineData("correct Horse battery")] // lower, upper, space as the symbol
    [InlineData("abcdefG1")] // exactly 8, three classes
    [InlineData("ABCD12#$")] // no lower-case: three classes are enough
    [InlineData("a\"b'c`d~E(1);")]
    public void Accepts_passwords_that_meet_every_rule(string password) =>
        Assert.True(PasswordPolicy.Validate(password.AsSpan(), Mary).IsValid);

    [Theory]
    [InlineData("aB3$xyz", PasswordRule.Length)]
    [InlineData("abcdefgh12", PasswordRule.CharacterClasses)]
    [InlineData("ABCDEFGH!!", PasswordRule.CharacterClasses)]
    [InlineData("Tröub4dor&3", PasswordRule.AllowedCharacters)]
    [InlineData("Troub4dor\t3", PasswordRule.AllowedCharacters)]
    [InlineData("Troub4dor<3", PasswordRule.AllowedCharacters)]
    [InlineData("Troub4dor\03", PasswordRule.AllowedCharacters)]
    [InlineData("Winter!MARY24", PasswordRule.UserNames)]
    [InlineData("Winter!oneil24", PasswordRule.UserNames)]
    [InlineData("Winter!mary.oneil", PasswordRule.UserNames)]
    public void Rejects_a_password_for_the_rule_it_breaks(string password, PasswordRule rule)
    {
        PasswordValidationResult result = PasswordPolicy.Validate(password.AsSpan(), Mary);

        Assert.False(result.IsValid);
        Assert.Equal(rule, Assert.Single(result.Problems).Rule);
    }

    [Fact]
    public void Lengths_of_8_and_256_pass_7_and_257_do_not()
    {
        Assert.True(PasswordPolicy.Validate(("aB3" + new string('x', 5)).AsSpan()).IsValid);
        Assert.True(PasswordPolicy.Validate(("aB3" + new string('x', 253)).AsSpan()).IsValid);
        Assert.True(PasswordPolicy.Validate(("aB3" + new string('x', 4)).AsSpan()).Breaks(PasswordRule.Length));
        Assert.True(PasswordPolicy.Validate(("aB3" + new string('x', 254)).AsSpan()).Breaks(PasswordRule.Length));
    }

    [Fact]
    public void Reports_every_broken_rule_at_once_in_rule_order()
    {
        PasswordValidationResult result = PasswordPolicy.Validate("mary\u00e9".AsSpan(), Mary);

        Assert.Equal(
            [PasswordRule.Length, PasswordRule.CharacterClasses, PasswordRule.AllowedCharacters, PasswordRule.UserNames],
            result.Problems.Select(p => p.Rule));
    }

    [Fact]
    public void Messages_name_the_rule_and_what_it_requires()
    {
        PasswordValidationResult result = PasswordPolicy.Validate("mary\u00e9".AsSpan(), Mary);

        Assert.StartsWith("Length:", result.Problems[0].Message);
        Assert.Contains("8", result.Problems[0].Message);
        Assert.StartsWith("Character classes:", result.Problems[1].Message);
        Assert.StartsWith("Allowed characters:", result.Problems[2].Message);
        Assert.StartsWith("User names:", result.Problems[3].Message);
        Assert.Equal(string.Join(" ", result.Problems.Select(p => p.Message)), result.ToString());
    }

    [Theory]
    [InlineData("Zq#Xv9wKmaryRt")] // name part inside
    [InlineData("Zq#Xv9\u00e9KpRt")] // disallowed character
    [InlineData("Zq#X")] // too short
    [InlineData("zqxvwkprt")] // one class
    public void No_message_or_text_repeats_any_part_of_the_password(string password)
    {
        PasswordValidationResult result = PasswordPolicy.Validate(password.AsSpan(), Mary);
        Assert.False(result.IsValid);

        var texts = result.Problems.Select(p => p.Message)
            .Concat(result.Problems.Select(p => p.ToString()))
            .Append(result.ToString())
            .ToList();
        foreach (string fragment in Fragments(password, 4))
        {
            Assert.All(texts, text => Assert.DoesNotContain(fragment, text, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void SecureString_and_span_give_the_same_answer()
    {
        foreach (string password in new[] { "Tr0ub4dor&3", "short", "Winter!Mary24", "Tr\u00f6ub4dor&3" })
        {
            using SecureString secure = ToSecure(password);
            Assert.Equal(
                PasswordPolicy.Validate(password.AsSpan(), Mary).Problems.Select(p => p.Rule),
                PasswordPolicy.Validate(secure, Mary).Problems.Select(p => p.Rule));
        }
    }

    [Fact]
    public void Without_names_only_the_character_rules_apply() =>
        Assert.True(PasswordPolicy.Validate("Winter!Mary24".AsSpan()).IsValid);

    [Fact]
    public void Every_symbol_Entra_accepts_counts_as_a_symbol_and_nothing_else_does()
    {
        Assert.Equal(31, PasswordCharacters.Symbols.Length);
        Assert.All(PasswordCharacters.Symbols, c => Assert.Equal(PasswordCharacterClass.Symbol, PasswordCharacters.Classify(c)));
        foreach (char c in "<>\t\u00a0\u00e9\u20ac\0\u007f")
        {
            Assert.Equal(PasswordCharacterClass.None, PasswordCharacters.Classify(c));
        }
    }

    private static IEnumerable<string> Fragments(string text, int length) =>
        Enumerable.Range(0, Math.Max(0, text.Length - length + 1)).Select(i => text.Substring(i, length));

    private static SecureString ToSecure(string text)
    {
        var secure = new SecureString();
        foreach (char c in text)
        {
            secure.AppendChar(c);
        }

        return secure;
    }
}
