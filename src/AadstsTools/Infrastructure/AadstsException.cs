using System;

namespace AadstsTools.Infrastructure
{
    /// <summary>The exception behind the module's error records.</summary>
    public sealed class AadstsException : Exception
    {
        public AadstsException(string message, Exception? inner)
            : base(message, inner)
        {
        }
    }
}
