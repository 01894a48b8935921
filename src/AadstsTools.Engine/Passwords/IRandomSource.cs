namespace AadstsTools.Passwords
{
    /// <summary>
    /// Where the password generator gets its randomness. The default is the operating system's cryptographic
    /// generator; tests inject a seeded one to make runs repeatable.
    /// </summary>
    public interface IRandomSource
    {
        /// <summary>Fills <paramref name="buffer"/> with random bytes, each value 0–255 equally likely.</summary>
        void GetBytes(byte[] buffer);
    }
}
