namespace AadstsTools.SignIns.Analysis
{
    /// <summary>A pattern found in the failures, with the reason in words.</summary>
    public sealed class SignInPatternFlag
    {
        public SignInPatternFlag(SignInPatternKind kind, SignInGroupBy subjectKind, string subject, int? code, string reason)
        {
            Kind = kind;
            SubjectKind = subjectKind;
            Subject = subject;
            Code = code;
            Reason = reason;
        }

        public SignInPatternKind Kind { get; }

        /// <summary>What <see cref="Subject"/> is: a code, an IP address, an app or a user.</summary>
        public SignInGroupBy SubjectKind { get; }

        /// <summary>The code, IP address, app or user the pattern is about.</summary>
        public string Subject { get; }

        /// <summary>The code the pattern shows in (50126 for a spray), when there is one.</summary>
        public int? Code { get; }

        /// <summary>Why the pattern was flagged, with the numbers, and what to do.</summary>
        public string Reason { get; }

        public override string ToString() => Kind + ": " + Reason;
    }
}
