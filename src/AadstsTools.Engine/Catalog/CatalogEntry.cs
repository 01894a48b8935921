using System;
using System.Collections.Generic;
using System.Globalization;

namespace AadstsTools.Catalog
{
    /// <summary>One entry of the catalog: an AADSTS code, or a topic without a code (e.g. SSPR licensing).</summary>
    public sealed class CatalogEntry
    {
        internal const string LookupUrlPrefix = "https://login.microsoftonline.com/error?code=";

        private static readonly IReadOnlyList<string> NoStrings = Array.Empty<string>();

        internal CatalogEntry(int? code, string? topic)
        {
            if (code.HasValue == (topic != null))
            {
                throw new ArgumentException("An entry has a code or a topic, not both and not neither.");
            }

            Code = code;
            Topic = topic;
        }

        public int? Code { get; }

        public string? Topic { get; }

        /// <summary>"AADSTS50126" for codes, the topic id for topics.</summary>
        public string Id => Code.HasValue ? "AADSTS" + Code.Value.ToString(CultureInfo.InvariantCulture) : Topic!;

        /// <summary>The key files use: the code as text, or the topic id.</summary>
        public string Key => Code.HasValue ? Code.Value.ToString(CultureInfo.InvariantCulture) : Topic!;

        public string? Name { get; internal set; }

        /// <summary>Topics have their own title; codes show their symbolic name, or the summary's start.</summary>
        public string Title { get; internal set; } = string.Empty;

        public IReadOnlyList<string> Aliases { get; internal set; } = NoStrings;

        public string Summary { get; internal set; } = string.Empty;

        public GuidanceCategory Category { get; internal set; } = GuidanceCategory.Unknown;

        public IReadOnlyList<Fixer> FixedBy { get; internal set; } = Array.Empty<Fixer>();

        public bool RetryMayHelp { get; internal set; }

        /// <summary>An expected interrupt of a normal sign-in rather than a failure.</summary>
        public bool Benign { get; internal set; }

        /// <summary>False for codes absent from Microsoft's public error-code page.</summary>
        public bool Documented { get; internal set; } = true;

        public IReadOnlyList<string> Causes { get; internal set; } = NoStrings;

        public IReadOnlyList<string> Diagnosis { get; internal set; } = NoStrings;

        public IReadOnlyList<string> UserSteps { get; internal set; } = NoStrings;

        public IReadOnlyList<string> AdminSteps { get; internal set; } = NoStrings;

        public IReadOnlyList<RelatedCommand> RelatedCommands { get; internal set; } = Array.Empty<RelatedCommand>();

        public IReadOnlyList<GuidanceLink> Links { get; internal set; } = Array.Empty<GuidanceLink>();

        public IReadOnlyList<string> SeeAlso { get; internal set; } = NoStrings;

        /// <summary>The overlay files that changed this entry, if any.</summary>
        public IReadOnlyList<string> OverlaySources { get; internal set; } = NoStrings;

        /// <summary>Microsoft's lookup page for the code; none for topics.</summary>
        public string? LookupUrl => Code.HasValue ? LookupUrlPrefix + Code.Value.ToString(CultureInfo.InvariantCulture) : null;

        public override string ToString() => Name == null ? Id : Id + " " + Name;
    }
}
