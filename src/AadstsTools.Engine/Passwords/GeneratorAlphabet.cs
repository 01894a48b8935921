using System.Linq;

namespace AadstsTools.Passwords
{
    /// <summary>The characters the generator draws from, per class: every usable one, or the readable ones.</summary>
    internal sealed class GeneratorAlphabet
    {
        private GeneratorAlphabet(string lowercase, string uppercase, string digits, string symbols)
        {
            Classes = new[] { lowercase, uppercase, digits, symbols };
            All = lowercase + uppercase + digits + symbols;
        }

        public static GeneratorAlphabet Standard { get; } = new GeneratorAlphabet(
            PasswordCharacters.Lowercase, PasswordCharacters.Uppercase, PasswordCharacters.Digits, PasswordCharacters.GeneratedSymbols);

        public static GeneratorAlphabet Readable { get; } = new GeneratorAlphabet(
            WithoutLookAlikes(PasswordCharacters.Lowercase),
            WithoutLookAlikes(PasswordCharacters.Uppercase),
            WithoutLookAlikes(PasswordCharacters.Digits),
            PasswordCharacters.ReadableSymbols);

        /// <summary>Lower-case, upper-case, digits, symbols: one string each.</summary>
        public string[] Classes { get; }

        /// <summary>The classes one after another.</summary>
        public string All { get; }

        public static GeneratorAlphabet For(bool avoidLookAlikes) => avoidLookAlikes ? Readable : Standard;

        private static string WithoutLookAlikes(string characters) =>
            new string(characters.Where(c => PasswordCharacters.LookAlikeLettersAndDigits.IndexOf(c) < 0).ToArray());
    }
}
