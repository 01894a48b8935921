using System.Management.Automation;
using AadstsTools.Catalog;
using AadstsTools.Infrastructure;
using AadstsTools.Lookup;

namespace AadstsTools.Commands
{
    /// <summary>Explains AADSTS errors from the offline catalog: by code, pasted text, sign-in record or search.</summary>
    [Cmdlet(VerbsCommon.Get, "AadstsGuidance", DefaultParameterSetName = LookupSet)]
    [OutputType(typeof(Guidance))]
    public sealed class GetAadstsGuidanceCommand : AadstsCmdlet
    {
        private const string LookupSet = "Lookup";
        private const string SearchSet = "Search";
        private const string AllSet = "All";

        private GuidanceService? _service;

        /// <summary>A code (50126, "AADSTS50126"), any text holding codes, or a record with an error code.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = LookupSet)]
        [Alias("Code", "Message")]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(AadstsCodeCompleter))]
        public object[] InputObject { get; set; } = System.Array.Empty<object>();

        /// <summary>Words to find in names, summaries and causes.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SearchSet)]
        public string[] Search { get; set; } = System.Array.Empty<string>();

        /// <summary>Every entry of the catalog.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AllSet)]
        public SwitchParameter All { get; set; }

        /// <summary>Only entries of these categories (with -Search or -All).</summary>
        [Parameter(ParameterSetName = SearchSet)]
        [Parameter(ParameterSetName = AllSet)]
        public GuidanceCategory[]? Category { get; set; }

        /// <summary>An organisation overlay file; defaults to $env:AADSTS_CATALOG_OVERLAY.</summary>
        [Parameter]
        public string? OverlayPath { get; set; }

        protected override void BeginProcessing()
        {
            GuidanceCatalog catalog = LoadCatalog(OverlayPath);
            _service = new GuidanceService(catalog);
            if (ParameterSetName == SearchSet)
            {
                WriteObject(_service.Search(Search, Category), enumerateCollection: true);
            }
            else if (ParameterSetName == AllSet)
            {
                WriteObject(_service.All(Category), enumerateCollection: true);
            }
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName != LookupSet)
            {
                return;
            }

            foreach (object input in InputObject)
            {
                _service!.Explain(Unwrap(input), Output);
            }
        }
    }
}
