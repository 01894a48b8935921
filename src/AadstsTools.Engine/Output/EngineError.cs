using System;

namespace AadstsTools.Output
{
    /// <summary>
    /// The kinds of failure the engine reports. Names match System.Management.Automation.ErrorCategory so
    /// that the cmdlets map them by name.
    /// </summary>
    public enum ErrorKind
    {
        NotSpecified,
        InvalidArgument,
        InvalidData,
        ObjectNotFound,
        PermissionDenied,
        ResourceUnavailable,
        LimitsExceeded,
        ConnectionError,
        OperationStopped,
        OperationTimeout,
        InvalidOperation,
        AuthenticationError,
        SecurityError,
        WriteError,
    }

    /// <summary>A non-terminating error: what failed, for which input, and what to do about it.</summary>
    public sealed class EngineError
    {
        public EngineError(string errorId, ErrorKind kind, string message, object? targetObject = null)
        {
            ErrorId = errorId ?? throw new ArgumentNullException(nameof(errorId));
            Kind = kind;
            Message = message ?? throw new ArgumentNullException(nameof(message));
            TargetObject = targetObject;
        }

        /// <summary>A stable identifier, e.g. <c>NoAadstsCode</c>.</summary>
        public string ErrorId { get; }

        public ErrorKind Kind { get; }

        public string Message { get; }

        public object? TargetObject { get; }

        public string? RecommendedAction { get; init; }

        public Exception? Exception { get; init; }

        public override string ToString() => Message;
    }
}
