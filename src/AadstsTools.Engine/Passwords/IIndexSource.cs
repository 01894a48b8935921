namespace AadstsTools.Passwords
{
    /// <summary>Picks an index below a bound. The generator's only use of randomness, so tests can bias it on purpose.</summary>
    internal interface IIndexSource
    {
        /// <summary>A value in [0, <paramref name="exclusiveMax"/>), each equally likely.</summary>
        int Next(int exclusiveMax);
    }
}
