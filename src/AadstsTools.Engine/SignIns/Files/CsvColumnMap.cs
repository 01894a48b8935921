using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using AadstsTools.Output;
using CsvHelper;

namespace AadstsTools.SignIns.Files
{
    /// <summary>
    /// Where each column this module reads sits in a CSV header, found by name: spaces at either end and
    /// doubled inside are ignored (the download writes "Application ID "), case too, and a name that
    /// appears twice ("Incoming token type") keeps every position, the first non-empty value winning.
    /// </summary>
    internal sealed class CsvColumnMap
    {
        /// <summary>The download's own header first, then other names tools write for the same value.</summary>
        private static readonly Dictionary<SignInColumn, string[]> Names = new Dictionary<SignInColumn, string[]>
        {
            [SignInColumn.Time] = new[] { "Date (UTC)", "Date", "createdDateTime", "Created date time", "TimeGenerated" },
            [SignInColumn.RequestId] = new[] { "Request ID", "requestId", "Id" },
            [SignInColumn.CorrelationId] = new[] { "Correlation ID", "correlationId" },
            [SignInColumn.UserId] = new[] { "User ID", "userId" },
            [SignInColumn.UserDisplayName] = new[] { "User", "userDisplayName" },
            [SignInColumn.UserPrincipalName] = new[] { "Username", "userPrincipalName", "User principal name" },
            [SignInColumn.ServicePrincipalId] = new[] { "Service principal ID", "servicePrincipalId" },
            [SignInColumn.ServicePrincipalName] = new[] { "Service principal name", "servicePrincipalName" },
            [SignInColumn.AppDisplayName] = new[] { "Application", "appDisplayName" },
            [SignInColumn.AppId] = new[] { "Application ID", "appId" },
            [SignInColumn.IpAddress] = new[] { "IP address", "ipAddress" },
            [SignInColumn.Location] = new[] { "Location" },
            [SignInColumn.City] = new[] { "City" },
            [SignInColumn.State] = new[] { "State" },
            [SignInColumn.CountryOrRegion] = new[] { "Country", "countryOrRegion", "Country or region" },
            [SignInColumn.Status] = new[] { "Status" },
            [SignInColumn.ErrorCode] = new[] { "Sign-in error code", "Error code", "errorCode", "status.errorCode" },
            [SignInColumn.FailureReason] = new[] { "Failure reason", "failureReason", "status.failureReason" },
            [SignInColumn.AdditionalDetails] = new[] { "Additional details", "additionalDetails", "status.additionalDetails" },
            [SignInColumn.ClientApp] = new[] { "Client app", "clientAppUsed" },
            [SignInColumn.ConditionalAccess] = new[] { "Conditional Access", "conditionalAccessStatus" },
            [SignInColumn.IsInteractive] = new[] { "isInteractive", "Is interactive" },
            [SignInColumn.ManagedIdentityType] = new[] { "Managed Identity type", "managedIdentityType" },
        };

        private static readonly SignInColumn[] Required = { SignInColumn.Time, SignInColumn.ErrorCode };

        private readonly int[][] _positions;

        private CsvColumnMap(int[][] positions)
        {
            _positions = positions;
            MinimumFields = Required.Max(c => positions[(int)c].Min()) + 1;
        }

        /// <summary>A row with fewer fields than this lacks a required value.</summary>
        public int MinimumFields { get; }

        public bool Has(SignInColumn column) => _positions[(int)column].Length > 0;

        /// <exception cref="SignInFileException">A required column is missing.</exception>
        public static CsvColumnMap From(IReadOnlyList<string> header, string source)
        {
            var byName = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < header.Count; i++)
            {
                string key = Normalise(header[i]);
                if (!byName.TryGetValue(key, out List<int>? list))
                {
                    byName[key] = list = new List<int>();
                }

                list.Add(i);
            }

            var positions = new int[Enum.GetValues(typeof(SignInColumn)).Length][];
            foreach (var pair in Names)
            {
                // The first name that is present wins, so "Date (UTC)" is preferred over a plain "Date".
                positions[(int)pair.Key] = pair.Value.Select(n => byName.TryGetValue(Normalise(n), out List<int>? found) ? found.ToArray() : null)
                    .FirstOrDefault(p => p != null) ?? new int[0];
            }

            foreach (SignInColumn column in Required)
            {
                if (positions[(int)column].Length == 0)
                {
                    throw MissingColumn(column, header, source);
                }
            }

            return new CsvColumnMap(positions);
        }

        /// <summary>The value of a column in the current row: the first non-empty one when the name appears twice.</summary>
        public string? Get(IParser row, SignInColumn column)
        {
            int[] where = _positions[(int)column];
            int fieldCount = row.Count;
            string? value = null;
            foreach (int index in where)
            {
                if (index < fieldCount)
                {
                    value = row[index];
                    if (!string.IsNullOrWhiteSpace(value))
                    {
                        return value;
                    }
                }
            }

            return value;
        }

        internal static string Normalise(string name)
        {
            var builder = new StringBuilder(name.Length);
            bool space = false;
            foreach (char c in name)
            {
                if (char.IsWhiteSpace(c) || c == '\uFEFF' || c == '"')
                {
                    space = builder.Length > 0;
                    continue;
                }

                if (space)
                {
                    builder.Append(' ');
                    space = false;
                }

                builder.Append(char.ToLowerInvariant(c));
            }

            return builder.ToString();
        }

        private static SignInFileException MissingColumn(SignInColumn column, IReadOnlyList<string> header, string source)
        {
            string[] names = Names[column];
            const int shown = 40;
            string found = string.Join(", ", header.Take(shown).Select(h => "'" + Shorten(h) + "'"));
            if (header.Count > shown)
            {
                found += $" and {header.Count - shown} more";
            }

            string message = $"{source} has no '{names[0]}' column, which every sign-in download has (other names accepted: {string.Join(", ", names.Skip(1).Select(n => "'" + n + "'"))}). "
                + $"The file has {header.Count} column{(header.Count == 1 ? string.Empty : "s")}: {found}.";
            string? hint = DelimiterHint(header);
            return new SignInFileException("MissingSignInColumn", ErrorKind.InvalidData, message + (hint == null ? string.Empty : " " + hint))
            {
                RecommendedAction = "Download the sign-in log again from the Entra admin center (Sign-in logs > Download > CSV) without changing its columns, or rename the column.",
            };
        }

        private static string? DelimiterHint(IReadOnlyList<string> header)
        {
            if (header.Count != 1)
            {
                return null;
            }

            foreach (char candidate in new[] { '|', ';', '\t', ':' })
            {
                if (header[0].IndexOf(candidate) >= 0)
                {
                    string shown = candidate == '\t' ? "tab" : "'" + candidate + "'";
                    return $"Its columns seem to be separated by {shown}; a sign-in download separates them by commas (a re-saved file by semicolons or tabs).";
                }
            }

            return null;
        }

        private static string Shorten(string text)
        {
            string oneLine = text.Replace('\r', ' ').Replace('\n', ' ');
            return oneLine.Length <= 60 ? oneLine : oneLine.Substring(0, 57) + "...";
        }
    }
}
