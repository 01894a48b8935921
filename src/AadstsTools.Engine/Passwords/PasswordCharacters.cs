namespace AadstsTools.Passwords
{
    /// <summary>
    /// The characters Entra ID accepts in cloud passwords, and the subsets the generator draws from.
    /// </summary>
    public static class PasswordCharacters
    {
        /// <summary>a–z.</summary>
        public const string Lowercase = "abcdefghijklmnopqrstuvwxyz";

        /// <summary>A–Z.</summary>
        public const string Uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

        /// <summary>0–9.</summary>
        public const string Digits = "0123456789";

        /// <summary>Every symbol Entra ID accepts, space included (Graph reference, passwordProfile).</summary>
        public const string Symbols = "@#$%^&*-_!+=[]{}|\\:',.?/`~\"(); ";

        /// <summary>
        /// The symbols generated passwords use: <see cref="Symbols"/> without space, because a space at either end
        /// of a password is lost by copy and paste and by trimming.
        /// </summary>
        public const string GeneratedSymbols = "@#$%^&*-_!+=[]{}|\\:',.?/`~\"();";

        /// <summary>
        /// The symbols of passwords read over the phone: each has one well-known spoken name and none looks like
        /// a letter, a digit or another symbol (no dashes, quotes, slashes, brackets, dots or bars).
        /// </summary>
        public const string ReadableSymbols = "!#$%&*+=?@";

        /// <summary>
        /// Letters and digits left out of readable passwords because they are mistaken for one another in print
        /// or handwriting: 0 O o, 1 I l, 2 Z z, 5 S s, 8 B.
        /// </summary>
        public const string LookAlikeLettersAndDigits = "0Oo1Il2Zz5Ss8B";

        /// <summary>The class of one character; <see cref="PasswordCharacterClass.None"/> when Entra ID rejects it.</summary>
        public static PasswordCharacterClass Classify(char c)
        {
            if (c >= 'a' && c <= 'z')
            {
                return PasswordCharacterClass.Lowercase;
            }

            if (c >= 'A' && c <= 'Z')
            {
                return PasswordCharacterClass.Uppercase;
            }

            if (c >= '0' && c <= '9')
            {
                return PasswordCharacterClass.Digit;
            }

            return Symbols.IndexOf(c) >= 0 ? PasswordCharacterClass.Symbol : PasswordCharacterClass.None;
        }
    }
}
