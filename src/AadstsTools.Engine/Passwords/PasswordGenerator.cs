using System;
using System.Security;

namespace AadstsTools.Passwords
{
    /// <summary>
    /// Makes random passwords Entra ID accepts: one character of each of the four classes, the rest from all of
    /// them, shuffled, every choice unbiased; never containing the user's names (such a password is thrown away
    /// and a new one drawn). Thread-safe.
    /// </summary>
    public sealed class PasswordGenerator
    {
        /// <summary>The length when none is given.</summary>
        public const int DefaultLength = 16;

        // With any real names a redraw is needed for well under 1 % of passwords; this only stops a name list
        // so long that almost every password would contain some part of it.
        private const int MaxAttempts = 1000;

        private readonly IIndexSource _random;
        private readonly object _gate = new object();

        /// <summary>A generator over the operating system's cryptographic random number generator.</summary>
        public PasswordGenerator()
            : this(CryptoRandomSource.Shared)
        {
        }

        /// <summary>A generator over <paramref name="randomSource"/> (tests pass a seeded one).</summary>
        public PasswordGenerator(IRandomSource randomSource)
            : this(new RejectionSampler(randomSource ?? throw new ArgumentNullException(nameof(randomSource))))
        {
        }

        internal PasswordGenerator(IIndexSource random)
        {
            _random = random;
        }

        /// <summary>A new password as a read-only <see cref="SecureString"/>.</summary>
        /// <param name="length">8–256 characters.</param>
        /// <param name="avoidLookAlikes">Leave out characters mistaken for one another (0 O o 1 I l ...) and keep to
        /// symbols with a well-known name, for passwords read over the phone.</param>
        /// <param name="userNames">The user's names the password must not contain; null for none.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is outside 8–256.</exception>
        public SecureString Generate(int length = DefaultLength, bool avoidLookAlikes = false, UserNameParts? userNames = null)
        {
            char[] chars = GenerateChars(length, avoidLookAlikes, userNames);
            try
            {
                return SecureStringChars.ToSecureString(chars);
            }
            finally
            {
                Array.Clear(chars, 0, chars.Length);
            }
        }

        /// <summary>
        /// A new password as characters, for building the Graph request without a <see cref="SecureString"/> round
        /// trip. The caller owns the array and must wipe it (<see cref="Array.Clear(Array, int, int)"/>) in a finally block.
        /// </summary>
        /// <inheritdoc cref="Generate" path="/param"/>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is outside 8–256.</exception>
        public char[] GenerateChars(int length = DefaultLength, bool avoidLookAlikes = false, UserNameParts? userNames = null)
        {
            if (length < PasswordPolicy.MinimumLength || length > PasswordPolicy.MaximumLength)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(length),
                    length,
                    $"The password length must be from {PasswordPolicy.MinimumLength} to {PasswordPolicy.MaximumLength} characters.");
            }

            GeneratorAlphabet alphabet = GeneratorAlphabet.For(avoidLookAlikes);
            lock (_gate)
            {
                for (int attempt = 0; attempt < MaxAttempts; attempt++)
                {
                    char[] password = Draw(length, alphabet);
                    if (userNames == null || !userNames.AppearIn(password))
                    {
                        return password;
                    }

                    Array.Clear(password, 0, password.Length);
                }
            }

            throw new InvalidOperationException(
                $"No password of {length} characters avoiding the user's {userNames?.Parts.Count ?? 0} name parts was found in {MaxAttempts} attempts: "
                + "the names given are so many that nearly every password contains one. Check the names passed, or give the password.");
        }

        private char[] Draw(int length, GeneratorAlphabet alphabet)
        {
            var password = new char[length];

            // One of each class first (length is at least 8), then any; the shuffle spreads them.
            for (int i = 0; i < alphabet.Classes.Length; i++)
            {
                password[i] = Pick(alphabet.Classes[i]);
            }

            for (int i = alphabet.Classes.Length; i < length; i++)
            {
                password[i] = Pick(alphabet.All);
            }

            // Fisher–Yates: every arrangement equally likely when each index is.
            for (int i = length - 1; i > 0; i--)
            {
                int j = _random.Next(i + 1);
                char swap = password[i];
                password[i] = password[j];
                password[j] = swap;
            }

            return password;
        }

        private char Pick(string characters) => characters[_random.Next(characters.Length)];
    }
}
