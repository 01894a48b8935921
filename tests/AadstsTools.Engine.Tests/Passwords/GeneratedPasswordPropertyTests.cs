using AadstsTools.Engine.Tests.TestSupport;
using AadstsTools.Passwords;

namespace AadstsTools.Engine.Tests.Passwords;

/// <summary>
/// 20,000 generated passwords, every length from 8 to 256, both look-alike settings, for a user with many short
/// names: each one checked against Entra's rules by the validator and, independently, by hand.
/// </summary>
public class GeneratedPasswordPropertyTests
{
    private const string LookAlikes = "0Oo1lI|`'\",.;:2Zz5Ss8B";

    private static readonly UserNameParts Names = UserNameParts.FromUser(
        "mary-jane.o_neil@contoso.com", "Mary-Jane O'Neil (Ops, Sun Team)", "Mary-Jane", "O'Neil", "mjoneil");

    [Fact]
    public void Every_generated_password_meets_every_rule()
    {
        var generator = new PasswordGenerator(new SeededRandomSource(20260101));
        string[] forbidden = ["mary-jane.o_neil", "mjoneil", "mary", "jane", "neil", "ops", "sun", "team"];
        Assert.Equal(forbidden.OrderBy(p => p), Names.Parts.OrderBy(p => p));

        for (int i = 0; i < 20_000; i++)
        {
            int length = 8 + (i / 2 % 249);
            bool readable = i % 2 == 1;
            char[] password = generator.GenerateChars(length, readable, Names);
            string text = new(password);

            Assert.Equal(length, password.Length);
            Assert.True(PasswordPolicy.Validate(password, Names).IsValid, $"password #{i} (length {length}) fails the validator");
            Assert.All(password, c => Assert.True(IsEntraCharacter(c), $"password #{i} holds U+{(int)c:X4}"));
            Assert.Equal(4, ClassesIn(text));
            Assert.DoesNotContain(forbidden, part => text.Contains(part, StringComparison.OrdinalIgnoreCase));
            if (readable)
            {
                Assert.DoesNotContain(password, c => LookAlikes.Contains(c));
                Assert.All(password, c => Assert.True(char.IsAsciiLetterOrDigit(c) || "!#$%&*+=?@".Contains(c)));
            }
            else
            {
                Assert.DoesNotContain(' ', password);
            }
        }
    }

    // Written out again rather than taken from PasswordCharacters, so a mistake there can't hide here.
    private static bool IsEntraCharacter(char c) =>
        char.IsAsciiLetterOrDigit(c) || "@#$%^&*-_!+=[]{}|\\:',.?/`~\"(); ".Contains(c);

    private static int ClassesIn(string text) =>
        (text.Any(char.IsAsciiLetterLower) ? 1 : 0) + (text.Any(char.IsAsciiLetterUpper) ? 1 : 0)
        + (text.Any(char.IsAsciiDigit) ? 1 : 0) + (text.Any(c => !char.IsAsciiLetterOrDigit(c)) ? 1 : 0);
}
