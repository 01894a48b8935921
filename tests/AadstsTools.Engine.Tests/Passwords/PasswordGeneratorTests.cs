using System.Security;
using AadstsTools.Engine.Tests.TestSupport;
using AadstsTools.Passwords;

namespace AadstsTools.Engine.Tests.Passwords;

public class PasswordGeneratorTests
{
    [Theory]
    [InlineData(7)]
    [InlineData(257)]
    [InlineData(0)]
    [InlineData(-1)]
    public void Lengths_outside_8_to_256_are_refused_with_the_range(int length)
    {
        var generator = new PasswordGenerator(new SeededRandomSource(1));

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => generator.GenerateChars(length));
        Assert.Equal("length", ex.ParamName);
        Assert.Contains("8 to 256", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.Generate(length));
    }

    [Fact]
    public void Default_is_16_characters_in_a_read_only_SecureString()
    {
        using SecureString password = new PasswordGenerator().Generate();

        Assert.Equal(16, password.Length);
        Assert.True(password.IsReadOnly());
        char[] chars = SecureStringChars.ToChars(password);
        try
        {
            Assert.True(PasswordPolicy.Validate(chars).IsValid);
        }
        finally
        {
            Array.Clear(chars);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_passwords_and_another_seed_others()
    {
        string First(int seed) => new(new PasswordGenerator(new SeededRandomSource(seed)).GenerateChars());

        Assert.Equal(First(42), First(42));
        Assert.NotEqual(First(42), First(43));
    }

    [Fact]
    public void The_operating_system_generator_does_not_repeat_itself()
    {
        var generator = new PasswordGenerator();
        var seen = new HashSet<string>(Enumerable.Range(0, 1000).Select(_ => new string(generator.GenerateChars())));

        Assert.Equal(1000, seen.Count);
    }

    [Fact]
    public void A_password_holding_a_name_part_is_drawn_again()
    {
        // Names so common in random text that about one 16-character password in four holds one.
        var random = new Random(5);
        string manyNames = string.Join(" ", Enumerable.Range(0, 2000).Select(_ => new string(Enumerable.Range(0, 3).Select(_ => (char)('a' + random.Next(26))).ToArray())));
        UserNameParts names = UserNameParts.FromUser(null, manyNames);
        Assert.True(names.Parts.Count > 1500);

        int redrawn = 0;
        for (int seed = 0; seed < 200; seed++)
        {
            string unfiltered = new(new PasswordGenerator(new SeededRandomSource(seed)).GenerateChars());
            string filtered = new(new PasswordGenerator(new SeededRandomSource(seed)).GenerateChars(userNames: names));

            Assert.False(names.AppearIn(filtered));
            if (names.AppearIn(unfiltered))
            {
                redrawn++;
                Assert.NotEqual(unfiltered, filtered);
            }
            else
            {
                Assert.Equal(unfiltered, filtered);
            }
        }

        Assert.InRange(redrawn, 10, 190);
    }

    [Fact]
    public void Gives_up_with_a_clear_error_when_the_names_leave_no_room()
    {
        // A "random" source that always answers 0 draws "A0@aaaaa" every time: it always holds the name.
        var generator = new PasswordGenerator(new ConstantIndexSource());
        Assert.Equal("A0@aaaaa", new string(generator.GenerateChars(8)));

        var ex = Assert.Throws<InvalidOperationException>(() => generator.GenerateChars(8, userNames: UserNameParts.FromUser("aaa@contoso.com")));
        Assert.Contains("name parts", ex.Message);
    }

    private sealed class ConstantIndexSource : IIndexSource
    {
        public int Next(int exclusiveMax) => 0;
    }

    [Fact]
    public void Readable_passwords_keep_to_the_readable_symbols_and_leave_out_look_alikes()
    {
        var generator = new PasswordGenerator(new SeededRandomSource(9));
        string all = string.Concat(Enumerable.Range(0, 500).Select(_ => new string(generator.GenerateChars(avoidLookAlikes: true))));

        Assert.DoesNotContain(all, c => "0Oo1lI|`'\",.;:2Zz5Ss8B-_~^/\\[]{}() ".Contains(c));
        Assert.Equal(
            PasswordCharacters.ReadableSymbols.OrderBy(c => c),
            all.Where(c => PasswordCharacters.Classify(c) == PasswordCharacterClass.Symbol).Distinct().OrderBy(c => c));
    }

    [Fact]
    public void Standard_passwords_use_every_symbol_but_space()
    {
        var generator = new PasswordGenerator(new SeededRandomSource(10));
        string all = string.Concat(Enumerable.Range(0, 500).Select(_ => new string(generator.GenerateChars(32))));

        Assert.Equal(
            PasswordCharacters.Symbols.Trim().OrderBy(c => c),
            all.Where(c => PasswordCharacters.Classify(c) == PasswordCharacterClass.Symbol).Distinct().OrderBy(c => c));
    }

    [Fact]
    public void Is_safe_to_share_between_threads()
    {
        var generator = new PasswordGenerator();
        var passwords = new System.Collections.Concurrent.ConcurrentBag<string>();

        Parallel.For(0, 2000, _ => passwords.Add(new string(generator.GenerateChars())));

        Assert.Equal(2000, passwords.Distinct().Count());
        Assert.All(passwords, p => Assert.True(PasswordPolicy.Validate(p.AsSpan()).IsValid));
    }
}
