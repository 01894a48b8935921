namespace AadstsTools.SignIns.Files
{
    /// <summary>One record of a download as text, before its values are checked: what the CSV and JSON readers share.</summary>
    internal sealed class RawSignInRow
    {
        /// <summary>The line the record starts on (1-based).</summary>
        public long Line { get; set; }

        /// <summary>Set when the record is unreadable as a whole (too few fields, not an object).</summary>
        public string? Problem { get; set; }

        public string? Time { get; set; }

        public string? RequestId { get; set; }

        public string? CorrelationId { get; set; }

        public string? UserId { get; set; }

        public string? UserPrincipalName { get; set; }

        public string? UserDisplayName { get; set; }

        public string? ServicePrincipalId { get; set; }

        public string? ServicePrincipalName { get; set; }

        public string? AppId { get; set; }

        public string? AppDisplayName { get; set; }

        public string? IpAddress { get; set; }

        /// <summary>The CSV's combined "City, State, Country".</summary>
        public string? Location { get; set; }

        public string? City { get; set; }

        public string? State { get; set; }

        public string? CountryOrRegion { get; set; }

        public string? ClientApp { get; set; }

        public string? ErrorCode { get; set; }

        /// <summary>The CSV's Status column: Success, Failure, Interrupted.</summary>
        public string? Status { get; set; }

        public string? FailureReason { get; set; }

        public string? AdditionalDetails { get; set; }

        public string? ConditionalAccessStatus { get; set; }

        public string? IsInteractive { get; set; }

        /// <summary>The record's own log type (JSON's signInEventTypes), when it has one.</summary>
        public SignInLogType? LogType { get; set; }
    }
}
