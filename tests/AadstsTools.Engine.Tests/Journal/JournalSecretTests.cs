using System.Text;
using System.Text.Json;
using AadstsTools.Engine.Tests.TestSupport;
using AadstsTools.Journal;
using AadstsTools.Output;
using AadstsTools.Passwords;

namespace AadstsTools.Engine.Tests.Journal;

public class JournalSecretTests
{
    [Fact]
    public void No_password_text_ever_reaches_the_journal()
    {
        // A run as the orchestrator will make it: generate, validate a weakened copy (the error a bad given
        // password gets), journal every state with the validator's messages, then scan the file.
        using var dir = new TempDirectory();
        string path = dir.File_("j.jsonl");
        var generator = new PasswordGenerator(new SeededRandomSource(77));
        var passwords = new List<string>();
        using (ResetJournal journal = ResetJournal.Open(path))
        {
            for (int i = 0; i < 1000; i++)
            {
                string upn = $"user{i}.name@contoso.com";
                UserNameParts names = UserNameParts.FromUser(upn, $"User{i} Name");
                char[] password = generator.GenerateChars(8 + (i % 40), avoidLookAlikes: i % 2 == 0, names);
                passwords.Add(new string(password));
                string weakened = "name" + new string(password, 0, 3);
                PasswordValidationResult rejected = PasswordPolicy.Validate(weakened.AsSpan(), names);
                Assert.False(rejected.IsValid);

                journal.Append(JournalEntry.Intended(upn, $"id-{i}"));
                journal.Append(i % 4 == 0
                    ? JournalEntry.Failed(upn, $"id-{i}", ErrorKind.InvalidArgument, rejected.ToString())
                    : JournalEntry.Done(upn, $"id-{i}", true, i % 3 == 0, i % 5 == 0, $"req-{i}"));
                Array.Clear(password);
            }
        }

        byte[] bytes = File.ReadAllBytes(path);
        string raw = Encoding.UTF8.GetString(bytes);
        string decoded = string.Join("\n", File.ReadAllLines(path).SelectMany(StringValues));
        foreach (string password in passwords)
        {
            Assert.DoesNotContain(password, raw, StringComparison.Ordinal);
            Assert.DoesNotContain(password, decoded, StringComparison.Ordinal);
            Assert.DoesNotContain(password.Substring(0, 8), decoded, StringComparison.Ordinal);
        }

        Assert.True(bytes.Length > 100_000); // the scan covered a real journal
    }

    // JSON escapes some symbols (\" \\ \u0027 ...): compare against the values as a reader would see them too.
    private static IEnumerable<string> StringValues(string line)
    {
        using JsonDocument document = JsonDocument.Parse(line);
        return document.RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.String)
            .Select(p => p.Value.GetString()!)
            .ToList();
    }
}
