using AadstsTools.Engine.Tests.TestSupport;
using AadstsTools.Passwords;
using Xunit.Abstractions;

namespace AadstsTools.Engine.Tests.Passwords;

/// <summary>
/// Chi-squared checks over 20,000 passwords from a fixed seed: the generator passes them, and a generator with
/// modulo bias or without the shuffle fails them, which shows the checks can fail.
/// </summary>
public class UniformityTests(ITestOutputHelper log)
{
    private const int Length = 16;
    private const int Count = 20_000;

    private static readonly string[] StandardClasses =
        [PasswordCharacters.Lowercase, PasswordCharacters.Uppercase, PasswordCharacters.Digits, PasswordCharacters.GeneratedSymbols];

    [Fact]
    public void Standard_passwords_look_uniform()
    {
        var passwords = Generate(new PasswordGenerator(new SeededRandomSource(7)), readable: false);

        AssertUniform(UniformityChecks.CharactersWithinClasses(passwords, StandardClasses));
        AssertUniform(UniformityChecks.ClassProportions(passwords, StandardClasses, Length));
        AssertUniform(UniformityChecks.ClassesAcrossPositions(passwords, StandardClasses, Length));
    }

    [Fact]
    public void Readable_passwords_look_uniform()
    {
        string[] classes = GeneratorAlphabet.Readable.Classes;
        var passwords = Generate(new PasswordGenerator(new SeededRandomSource(8)), readable: true);

        AssertUniform(UniformityChecks.CharactersWithinClasses(passwords, classes));
        AssertUniform(UniformityChecks.ClassProportions(passwords, classes, Length));
        AssertUniform(UniformityChecks.ClassesAcrossPositions(passwords, classes, Length));
    }

    [Fact]
    public void Modulo_bias_is_caught()
    {
        // The classic mistake: one random byte % n. For the 30 symbols the first 16 come up 9 times in 256, the rest 8.
        var passwords = Generate(new PasswordGenerator(new ModuloBiasedIndexSource(7)), readable: false);

        AssertBiased(UniformityChecks.CharactersWithinClasses(passwords, StandardClasses));
        AssertBiased(UniformityChecks.ClassProportions(passwords, StandardClasses, Length));
    }

    [Fact]
    public void A_missing_shuffle_is_caught()
    {
        // Real passwords with one character of each class moved to the front, as a generator without the shuffle makes them.
        var passwords = Generate(new PasswordGenerator(new SeededRandomSource(7)), readable: false)
            .Select(p => Unshuffle(p, StandardClasses))
            .ToList();

        AssertUniform(UniformityChecks.CharactersWithinClasses(passwords, StandardClasses));
        AssertBiased(UniformityChecks.ClassesAcrossPositions(passwords, StandardClasses, Length));
    }

    private static List<char[]> Generate(PasswordGenerator generator, bool readable) =>
        Enumerable.Range(0, Count).Select(_ => generator.GenerateChars(Length, readable)).ToList();

    private static char[] Unshuffle(char[] password, string[] classes)
    {
        char[] copy = (char[])password.Clone();
        for (int cls = 0; cls < classes.Length; cls++)
        {
            int from = Array.FindIndex(copy, cls, c => classes[cls].Contains(c));
            (copy[cls], copy[from]) = (copy[from], copy[cls]);
        }

        return copy;
    }

    private void AssertUniform(UniformityResult result)
    {
        log.WriteLine(result.ToString());
        Assert.True(result.LooksUniform, "expected uniform: " + result);
    }

    private void AssertBiased(UniformityResult result)
    {
        log.WriteLine(result.ToString());
        Assert.False(result.LooksUniform, "expected the bias to show: " + result);
    }

    private sealed class ModuloBiasedIndexSource(int seed) : IIndexSource
    {
        private readonly Random _random = new(seed);

        public int Next(int exclusiveMax) => _random.Next(256) % exclusiveMax;
    }
}
