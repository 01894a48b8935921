using System;
using System.Linq;
using System.Management.Automation;
using AadstsTools.Connection;
using AadstsTools.Graph;
using AadstsTools.Infrastructure;
using AadstsTools.Lookup;
using AadstsTools.Output;
using AadstsTools.SignIns;
using AadstsTools.SignIns.Analysis;
using AadstsTools.SignIns.Files;

namespace AadstsTools.Commands
{
    /// <summary>Failed sign-ins with their fixes, or a summary with the patterns found, from Microsoft Graph or a downloaded sign-in log.</summary>
    [Cmdlet(VerbsCommon.Get, "AadSignInFailure", DefaultParameterSetName = GraphSet)]
    [OutputType(typeof(SignInFailure), typeof(SignInFailureSummary))]
    public sealed class GetAadSignInFailureCommand : AadstsCmdlet
    {
        private const string GraphSet = "Graph";
        private const string PathSet = "Path";

        private SignInTriage? _triage;
        private SignInFileOptions? _fileOptions;
        private SignInTriageOptions? _options;
        private GraphConnection? _connection;

        // Engine enums are kept boxed (see ConnectAadstsGraphCommand): no engine value type in this type's layout.
        private object? _groupBy;
        private object? _dateOrder;
        private object? _logType;

        /// <summary>The sign-in log downloaded from the Entra admin center (CSV or JSON); wildcards allowed.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "FilePath")]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>One row per code (or per -GroupBy key) with counts, top users, the fix command and the patterns found.</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        /// <summary>Summarise per Code, User, App or IP (implies -Summary).</summary>
        [Parameter]
        public SignInGroupBy? GroupBy
        {
            get => _groupBy as SignInGroupBy?;
            set => _groupBy = value;
        }

        /// <summary>Also return expected interrupts (codes the catalog marks benign, such as 50058 and 50140).</summary>
        [Parameter]
        public SwitchParameter IncludeBenign { get; set; }

        /// <summary>Also return successful sign-ins.</summary>
        [Parameter]
        public SwitchParameter IncludeSuccess { get; set; }

        /// <summary>Only these AADSTS codes.</summary>
        [Parameter]
        [Alias("Code")]
        public int[]? ErrorCode { get; set; }

        /// <summary>Only these users: UPN or object id (service principal name or id for application sign-ins).</summary>
        [Parameter]
        [Alias("UserPrincipalName", "User")]
        public string[]? UserId { get; set; }

        /// <summary>Only these apps: app id or display name.</summary>
        [Parameter]
        [Alias("App")]
        public string[]? AppId { get; set; }

        /// <summary>Only sign-ins at or after this time.</summary>
        [Parameter]
        public DateTime? Since { get; set; }

        /// <summary>Only sign-ins of the last N days (from Graph: the last 24 hours when neither -Since nor -Days is given).</summary>
        [Parameter]
        [ValidateRange(1, 3650)]
        public int? Days { get; set; }

        /// <summary>How to read dates like 05/06/2026 in a file a spreadsheet re-saved.</summary>
        [Parameter(ParameterSetName = PathSet)]
        public SignInDateOrder DateOrder
        {
            get => _dateOrder is SignInDateOrder order ? order : SignInDateOrder.Auto;
            set => _dateOrder = value;
        }

        /// <summary>The log the file holds, when its name and columns don't tell.</summary>
        [Parameter(ParameterSetName = PathSet)]
        public SignInLogType? LogType
        {
            get => _logType as SignInLogType?;
            set => _logType = value;
        }

        /// <summary>An organisation overlay file; defaults to $env:AADSTS_CATALOG_OVERLAY.</summary>
        [Parameter]
        public string? OverlayPath { get; set; }

        protected override void BeginProcessing()
        {
            DateTimeOffset? from = Since.HasValue ? new DateTimeOffset(Since.Value) : (DateTimeOffset?)null;
            if (Days.HasValue)
            {
                DateTimeOffset daysAgo = DateTimeOffset.UtcNow.AddDays(-Days.Value);
                from = from.HasValue && from.Value > daysAgo ? from : daysAgo;
            }

            if (ParameterSetName == GraphSet)
            {
                _connection = ConnectionService.Require(ModulePermissions.GetAadSignInFailure, new TerminatingOutput(this));
                GraphFailure? gap = _connection!.PermissionGap(GraphOperation.ReadSignIns);
                if (gap != null)
                {
                    ThrowTerminatingError(ToErrorRecord(gap.ToEngineError("SignInLogUnavailable", "auditLogs/signIns")));
                }

                from ??= DateTimeOffset.UtcNow.AddDays(-1);
            }

            _options = new SignInTriageOptions
            {
                Summary = Summary.IsPresent || GroupBy.HasValue,
                GroupBy = GroupBy ?? SignInGroupBy.Code,
                IncludeBenign = IncludeBenign.IsPresent,
                IncludeSuccess = IncludeSuccess.IsPresent,
                ErrorCodes = ErrorCode,
                UserIds = UserId,
                AppIds = AppId,
                Since = from,
            };
            if (ParameterSetName == PathSet)
            {
                _fileOptions = new SignInFileOptions { DateOrder = DateOrder, LogType = LogType };
                _triage = new SignInTriage(new GuidanceService(LoadCatalog(OverlayPath)), _options, Output);
            }
        }

        protected override void ProcessRecord()
        {
            if (_triage == null)
            {
                return;
            }

            foreach (string path in Path)
            {
                foreach (string file in Resolve(path))
                {
                    try
                    {
                        _triage.AddRange(SignInFileReader.ReadAndReport(file, Output, _fileOptions));
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }
        }

        protected override void EndProcessing()
        {
            if (_connection == null)
            {
                _triage?.Complete();
                return;
            }

            var guidance = new GuidanceService(LoadCatalog(OverlayPath));
            var queries = GraphSignInReader.Queries(_options!.Since!.Value, null, _options);
            RunEngine(async output =>
            {
                // Built on the engine's side so that it writes through the marshalled output.
                var triage = new SignInTriage(guidance, _options, output);
                await GraphSignInReader.ReadAsync(_connection.Gateway, triage, queries, output).ConfigureAwait(false);
                triage.Complete();
            });
        }

        private string[] Resolve(string path)
        {
            try
            {
                return GetResolvedProviderPathFromPSPath(path, out ProviderInfo _).ToArray();
            }
            catch (ItemNotFoundException)
            {
                Output.WriteError(new EngineError("SignInFileNotFound", ErrorKind.ObjectNotFound, $"The sign-in file '{path}' does not exist.", path));
                return Array.Empty<string>();
            }
        }
    }
}
