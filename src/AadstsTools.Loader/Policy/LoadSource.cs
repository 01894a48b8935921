namespace AadstsTools.Loading
{
    /// <summary>Who answers a request for an assembly.</summary>
    internal enum LoadSource
    {
        /// <summary>Not us: PowerShell's default context (or the next handler) answers, as if we were absent.</summary>
        Default,

        /// <summary>The module's Dependencies folder.</summary>
        Dependencies,
    }
}
