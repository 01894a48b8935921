using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using AadstsTools.Graph;
using AadstsTools.Graph.Model;
using AadstsTools.Output;
using AadstsTools.SignIns.Analysis;

namespace AadstsTools.SignIns
{
    /// <summary>
    /// Feeds a triage from Microsoft Graph's sign-in log: one filtered, paged query per requested code, user
    /// and app (Graph filters each with "eq" only), each page waiting its turn under the reporting limit.
    /// </summary>
    public static class GraphSignInReader
    {
        private const int ProgressId = 4601;

        /// <summary>Past this many queries, the reporting limit (5 calls per 10 s) makes the run slow: say so.</summary>
        public const int ManyQueries = 25;

        /// <summary>The queries for a window and the filters given (codes × users × apps).</summary>
        public static IReadOnlyList<SignInQuery> Queries(DateTimeOffset since, DateTimeOffset? until, SignInTriageOptions filters)
        {
            var codes = filters.ErrorCodes?.Count > 0 ? filters.ErrorCodes.Select(c => (int?)c).Distinct().ToList() : new List<int?> { null };
            var users = filters.UserIds?.Count > 0 ? filters.UserIds.Select(u => (string?)u.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList() : new List<string?> { null };
            var apps = filters.AppIds?.Count > 0 ? filters.AppIds.Select(a => (string?)a.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList() : new List<string?> { null };
            bool failuresOnly = !filters.IncludeSuccess;
            var queries = new List<SignInQuery>();
            foreach (int? code in codes)
            {
                foreach (string? user in users)
                {
                    foreach (string? app in apps)
                    {
                        bool userIsId = user != null && Guid.TryParse(user, out _);
                        bool appIsId = app != null && Guid.TryParse(app, out _);
                        queries.Add(new SignInQuery(since)
                        {
                            Until = until,
                            ErrorCode = code,
                            UserId = userIsId ? user : null,
                            UserPrincipalName = user != null && !userIsId ? user : null,
                            AppId = appIsId ? app : null,
                            AppDisplayName = app != null && !appIsId ? app : null,
                            FailuresOnly = failuresOnly,
                        });
                    }
                }
            }

            return queries;
        }

        /// <summary>Reads every query into the triage; Graph failures are reported and end the read.</summary>
        /// <returns>False when Graph refused (licence, permission) or failed: the triage holds what came before.</returns>
        public static async Task<bool> ReadAsync(IDirectoryGateway gateway, SignInTriage triage, IReadOnlyList<SignInQuery> queries, IEngineOutput output)
        {
            if (queries.Count > ManyQueries)
            {
                output.WriteWarning($"{queries.Count} sign-in log queries (one per code, user and app combination): Graph allows 5 reporting calls per 10 seconds, so this takes at least {queries.Count / 5 * 10} seconds. Fewer filters run faster.");
            }

            // The same sign-in can answer two queries (a user given by UPN and by id): count it once.
            var seen = queries.Count > 1 ? new HashSet<string>(StringComparer.OrdinalIgnoreCase) : null;
            long read = 0;
            try
            {
                foreach (SignInQuery query in queries)
                {
                    output.WriteVerbose("Reading the sign-in log: $filter=" + query.ToFilter());
                    await foreach (SignInEvent item in gateway.GetSignInsAsync(query, output.CancellationToken).ConfigureAwait(false))
                    {
                        if (seen != null && item.RequestId != null && !seen.Add(item.RequestId))
                        {
                            continue;
                        }

                        triage.Add(item);
                        if (++read % 1000 == 0)
                        {
                            output.WriteProgress(new ProgressUpdate(ProgressId, "Reading sign-ins from Microsoft Graph", $"{read.ToString("N0", CultureInfo.InvariantCulture)} sign-ins read"));
                        }
                    }
                }

                return true;
            }
            catch (GraphException ex)
            {
                output.WriteError(ex.Failure.ToEngineError("SignInLogUnavailable", "auditLogs/signIns"));
                return false;
            }
            finally
            {
                output.WriteProgress(new ProgressUpdate(ProgressId, "Reading sign-ins from Microsoft Graph", $"{read.ToString("N0", CultureInfo.InvariantCulture)} sign-ins read") { Completed = true });
            }
        }
    }
}
