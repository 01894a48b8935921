using AadstsTools.Passwords;

namespace AadstsTools.Engine.Tests.TestSupport;

/// <summary>Repeatable bytes for the password generator: the same seed gives the same passwords.</summary>
public sealed class SeededRandomSource(int seed) : IRandomSource
{
    private readonly Random _random = new(seed);

    public void GetBytes(byte[] buffer) => _random.NextBytes(buffer);
}
