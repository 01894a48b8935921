using System;
using AadstsTools.Output;

namespace AadstsTools.SignIns.Files
{
    /// <summary>A sign-in file that cannot be read on: raised inside the readers, reported as an EngineError.</summary>
    internal sealed class SignInFileException : Exception
    {
        public SignInFileException(string errorId, ErrorKind kind, string message, Exception? inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Kind = kind;
        }

        public string ErrorId { get; }

        public ErrorKind Kind { get; }

        public string? RecommendedAction { get; init; }
    }
}
