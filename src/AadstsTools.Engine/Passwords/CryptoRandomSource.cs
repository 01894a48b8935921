using System.Security.Cryptography;

namespace AadstsTools.Passwords
{
    /// <summary>The operating system's cryptographic random number generator.</summary>
    internal sealed class CryptoRandomSource : IRandomSource
    {
        // RandomNumberGenerator.Create() is thread-safe on .NET Framework and .NET; one instance serves all.
        public static CryptoRandomSource Shared { get; } = new CryptoRandomSource();

        private readonly RandomNumberGenerator _generator = RandomNumberGenerator.Create();

        public void GetBytes(byte[] buffer) => _generator.GetBytes(buffer);
    }
}
