using System;
using AadstsTools.Output;

namespace AadstsTools.Graph
{
    /// <summary>What kind of failure a Graph call ended in, after retries.</summary>
    public enum GraphFailureKind
    {
        /// <summary>The user, domain or object does not exist (404).</summary>
        NotFound,

        /// <summary>The app or signed-in user lacks a permission or role (403).</summary>
        PermissionMissing,

        /// <summary>The tenant lacks a licence the API needs, e.g. Entra ID P1 for reports (403).</summary>
        LicenseMissing,

        /// <summary>Still throttled (429) after every retry.</summary>
        Throttled,

        /// <summary>Service errors (5xx) or dropped connections that outlasted the retries.</summary>
        Transient,

        /// <summary>Graph rejected the request itself (400), e.g. a password that fails complexity.</summary>
        InvalidRequest,

        /// <summary>The token was rejected (401): expired, wrong tenant or audience.</summary>
        Unauthenticated,

        /// <summary>The caller stopped the command.</summary>
        Cancelled,

        /// <summary>Anything else.</summary>
        Other,
    }

    /// <summary>
    /// A Graph call that failed, explained: the kind, Graph's own code and message, what to do, and the
    /// request-id and date Microsoft support asks for.
    /// </summary>
    public sealed class GraphFailure
    {
        public GraphFailure(GraphFailureKind kind, string message)
        {
            Kind = kind;
            Message = message;
        }

        public GraphFailureKind Kind { get; }

        /// <summary>Our explanation, naming the permission, role or licence needed where that is the cause.</summary>
        public string Message { get; }

        /// <summary>The HTTP status Graph answered with (0 when no answer came).</summary>
        public int Status { get; init; }

        /// <summary>Graph's error code, e.g. Authorization_RequestDenied.</summary>
        public string? GraphCode { get; init; }

        /// <summary>Graph's error message as it came.</summary>
        public string? GraphMessage { get; init; }

        public string? RequestId { get; init; }

        public DateTimeOffset? Date { get; init; }

        /// <summary>For PermissionMissing: the permission(s) the operation needs.</summary>
        public string? RequiredPermission { get; init; }

        /// <summary>For PermissionMissing: the directory role that would allow it, when one is needed.</summary>
        public string? RequiredRole { get; init; }

        /// <summary>For Throttled: how long Graph asked us to wait last.</summary>
        public TimeSpan? RetryAfter { get; init; }

        /// <summary>The engine error for this failure, for a given input.</summary>
        public EngineError ToEngineError(string errorId, object? target) => new EngineError(errorId, ToErrorKind(Kind), WithRequestId(Message), target)
        {
            RecommendedAction = RecommendedAction,
        };

        /// <summary>What the admin should do next, when there is something to do.</summary>
        public string? RecommendedAction => Kind switch
        {
            GraphFailureKind.PermissionMissing => RequiredRole == null
                ? $"Grant {RequiredPermission} and connect again (Connect-AadstsGraph)."
                : $"Grant {RequiredPermission} and the {RequiredRole} role, then connect again (Connect-AadstsGraph).",
            GraphFailureKind.LicenseMissing => "This needs Microsoft Entra ID P1 or P2 in the tenant.",
            GraphFailureKind.Unauthenticated => "Run Connect-AadstsGraph again.",
            GraphFailureKind.Throttled => "Graph is throttling this app; run again later or on fewer users at a time.",
            GraphFailureKind.Transient => "Run again; if it persists, check the Microsoft 365 service health.",
            _ => null,
        };

        public static ErrorKind ToErrorKind(GraphFailureKind kind) => kind switch
        {
            GraphFailureKind.NotFound => ErrorKind.ObjectNotFound,
            GraphFailureKind.PermissionMissing => ErrorKind.PermissionDenied,
            GraphFailureKind.LicenseMissing => ErrorKind.PermissionDenied,
            GraphFailureKind.Throttled => ErrorKind.LimitsExceeded,
            GraphFailureKind.Transient => ErrorKind.ResourceUnavailable,
            GraphFailureKind.InvalidRequest => ErrorKind.InvalidData,
            GraphFailureKind.Unauthenticated => ErrorKind.AuthenticationError,
            GraphFailureKind.Cancelled => ErrorKind.OperationStopped,
            _ => ErrorKind.NotSpecified,
        };

        private string WithRequestId(string message) =>
            RequestId == null ? message : $"{message} (request-id {RequestId}{(Date.HasValue ? ", " + Date.Value.ToString("u", System.Globalization.CultureInfo.InvariantCulture) : string.Empty)})";

        public override string ToString() => WithRequestId(Message);
    }

    /// <summary>A Graph call that failed; carries the explained failure.</summary>
    public sealed class GraphException : Exception
    {
        public GraphException(GraphFailure failure, Exception? inner = null)
            : base(failure.ToString(), inner)
        {
            Failure = failure;
        }

        public GraphFailure Failure { get; }
    }
}
