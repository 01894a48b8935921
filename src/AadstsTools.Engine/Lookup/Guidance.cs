using System;
using System.Collections.Generic;
using System.Linq;
using AadstsTools.Catalog;
using AadstsTools.Parsing;

namespace AadstsTools
{
    /// <summary>
    /// What an AADSTS error means and what to do about it (PSTypeName <c>AadstsTools.Guidance</c>), with the
    /// trace ID, correlation ID and timestamp of the occurrence it was found in.
    /// </summary>
    public sealed class Guidance
    {
        internal Guidance(CatalogEntry entry, bool isKnown, string source)
        {
            Entry = entry;
            IsKnown = isKnown;
            Source = source;
        }

        internal CatalogEntry Entry { get; }

        /// <summary>"AADSTS50126", or the topic id.</summary>
        public string Id => Entry.Id;

        public int? Code => Entry.Code;

        public string? Topic => Entry.Topic;

        public string? Name => Entry.Name;

        public string Title => Entry.Title;

        public IReadOnlyList<string> Aliases => Entry.Aliases;

        public string Summary => Entry.Summary;

        public GuidanceCategory Category => Entry.Category;

        public string CategoryName => Entry.Category.ToDisplayName();

        public IReadOnlyList<Fixer> FixedBy => Entry.FixedBy;

        public bool RetryMayHelp => Entry.RetryMayHelp;

        public bool Benign => Entry.Benign;

        /// <summary>False when the catalog does not know the code.</summary>
        public bool IsKnown { get; }

        /// <summary>False for codes absent from Microsoft's public error-code page.</summary>
        public bool Documented => Entry.Documented;

        public IReadOnlyList<string> Causes => Entry.Causes;

        public IReadOnlyList<string> Diagnosis => Entry.Diagnosis;

        public IReadOnlyList<string> UserSteps => Entry.UserSteps;

        public IReadOnlyList<string> AdminSteps => Entry.AdminSteps;

        public IReadOnlyList<RelatedCommand> RelatedCommands => Entry.RelatedCommands;

        public IReadOnlyList<GuidanceLink> Links => Entry.Links;

        public IReadOnlyList<string> SeeAlso => Entry.SeeAlso;

        public string? LookupUrl => Entry.LookupUrl;

        /// <summary>The overlay files that changed this entry, if any.</summary>
        public IReadOnlyList<string> OverlaySources => Entry.OverlaySources;

        /// <summary>How the error was found: Code, Message, Record, Search or Catalog.</summary>
        public string Source { get; }

        /// <summary>Microsoft's message text, when the input had one.</summary>
        public string? Message { get; private set; }

        public string? OAuthError { get; private set; }

        public string? TraceId { get; private set; }

        public string? CorrelationId { get; private set; }

        /// <summary>The timestamp as written in the input.</summary>
        public string? Timestamp { get; private set; }

        public DateTimeOffset? TimestampUtc { get; private set; }

        /// <summary>For records: the user, app and time the record names, when it has them.</summary>
        public string? UserPrincipalName { get; private set; }

        public string? AppDisplayName { get; private set; }

        /// <summary>Who can fix it, as text: "User, Admin".</summary>
        public string FixedByText => string.Join(", ", FixedBy.Select(f => f == Fixer.AppDeveloper ? "App developer" : f.ToString()));

        internal Guidance WithOccurrence(ErrorOccurrence occurrence)
        {
            Message = occurrence.Message;
            OAuthError = occurrence.OAuthError;
            TraceId = occurrence.TraceId;
            CorrelationId = occurrence.CorrelationId;
            Timestamp = occurrence.Timestamp;
            TimestampUtc = occurrence.TimestampUtc;
            return this;
        }

        internal Guidance WithRecord(string? message, string? traceId, string? correlationId, string? timestamp, DateTimeOffset? timestampUtc, string? user, string? app)
        {
            Message = message;
            TraceId = traceId;
            CorrelationId = correlationId;
            Timestamp = timestamp;
            TimestampUtc = timestampUtc;
            UserPrincipalName = user;
            AppDisplayName = app;
            return this;
        }

        public override string ToString() => Name == null ? Id : Id + " " + Name;
    }
}
