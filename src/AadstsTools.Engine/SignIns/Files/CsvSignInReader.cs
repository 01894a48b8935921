using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using AadstsTools.Output;
using CsvHelper;
using CsvHelper.Configuration;

namespace AadstsTools.SignIns.Files
{
    /// <summary>
    /// Reads the CSV sign-in download row by row with CsvHelper's parser: columns by header name, quoted
    /// multi-line fields, the delimiter of re-saved files (comma, semicolon or tab) detected from the header.
    /// </summary>
    internal sealed class CsvSignInReader
    {
        private readonly CsvParser _parser;
        private readonly CsvColumnMap _columns;
        private readonly string _source;

        private CsvSignInReader(CsvParser parser, CsvColumnMap columns, string source, SignInLogType logType)
        {
            _parser = parser;
            _columns = columns;
            _source = source;
            LogType = logType;
        }

        public SignInLogType LogType { get; }

        /// <summary>Reads the header and maps the columns.</summary>
        /// <exception cref="SignInFileException">No header, or a required column is missing.</exception>
        public static CsvSignInReader Open(TextReader text, SignInReadReport report, SignInFileOptions options, string? fileName)
        {
            var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                DetectDelimiter = true,
                DetectDelimiterValues = new[] { ",", ";", "\t" },
                GetDelimiter = args => HeaderDelimiter(args.Text),
                BadDataFound = null,
                MaxFieldSize = options.MaxLineLength,
                IgnoreBlankLines = true,
                CacheFields = true,
            };
            var parser = new CsvParser(new BoundedLineReader(text, options.MaxLineLength, report.Source), configuration);
            if (!Next(parser, report.Source))
            {
                throw new SignInFileException("EmptySignInFile", ErrorKind.InvalidData,
                    $"{report.Source} has no header line; expected the CSV or JSON sign-in download from the Entra admin center.");
            }

            string[] header = parser.Record ?? new string[0];
            report.Columns = header;
            CsvColumnMap columns = CsvColumnMap.From(header, report.Source);
            SignInLogType logType = options.LogType ?? SignInLogTypes.FromFileName(fileName) ?? FromColumns(columns);
            return new CsvSignInReader(parser, columns, report.Source, logType);
        }

        public IEnumerable<RawSignInRow> Rows()
        {
            long nextLine = _parser.RawRow + 1;
            while (Next(_parser, _source))
            {
                // RawRow is the line the record ends on; a quoted multi-line record starts where the last one ended.
                long line = nextLine;
                nextLine = _parser.RawRow + 1;
                if (_parser.Count < _columns.MinimumFields)
                {
                    yield return new RawSignInRow
                    {
                        Line = line,
                        Problem = $"it has {_parser.Count} field{(_parser.Count == 1 ? string.Empty : "s")} where the header has {_columns.MinimumFields} or more (cut short, or a different delimiter)",
                    };
                    continue;
                }

                yield return new RawSignInRow
                {
                    Line = line,
                    Time = Get(SignInColumn.Time),
                    RequestId = Get(SignInColumn.RequestId),
                    CorrelationId = Get(SignInColumn.CorrelationId),
                    UserId = Get(SignInColumn.UserId),
                    UserDisplayName = Get(SignInColumn.UserDisplayName),
                    UserPrincipalName = Get(SignInColumn.UserPrincipalName),
                    ServicePrincipalId = Get(SignInColumn.ServicePrincipalId),
                    ServicePrincipalName = Get(SignInColumn.ServicePrincipalName),
                    AppDisplayName = Get(SignInColumn.AppDisplayName),
                    AppId = Get(SignInColumn.AppId),
                    IpAddress = Get(SignInColumn.IpAddress),
                    Location = Get(SignInColumn.Location),
                    City = Get(SignInColumn.City),
                    State = Get(SignInColumn.State),
                    CountryOrRegion = Get(SignInColumn.CountryOrRegion),
                    Status = Get(SignInColumn.Status),
                    ErrorCode = Get(SignInColumn.ErrorCode),
                    FailureReason = Get(SignInColumn.FailureReason),
                    AdditionalDetails = Get(SignInColumn.AdditionalDetails),
                    ClientApp = Get(SignInColumn.ClientApp),
                    ConditionalAccessStatus = Get(SignInColumn.ConditionalAccess),
                    IsInteractive = Get(SignInColumn.IsInteractive),
                };
            }
        }

        private string? Get(SignInColumn column) => _columns.Get(_parser, column);

        private static bool Next(CsvParser parser, string source)
        {
            try
            {
                return parser.Read();
            }
            catch (MaxFieldSizeException ex)
            {
                throw new SignInFileException("SignInFieldTooLong", ErrorKind.InvalidData,
                    $"{source}: a field that starts near line {parser.RawRow:N0} runs past {parser.Configuration.MaxFieldSize:N0} characters: a quote opened there is never closed, or this is not a sign-in download.", ex);
            }
            catch (CsvHelperException ex) when (!(ex.InnerException is SignInFileException))
            {
                throw new SignInFileException("InvalidSignInCsv", ErrorKind.InvalidData, $"{source}: the CSV cannot be read near line {parser.RawRow:N0}: {ex.Message.Split('\n')[0].Trim()}", ex);
            }
            catch (CsvHelperException ex) when (ex.InnerException is SignInFileException inner)
            {
                throw inner;
            }
        }

        /// <summary>The header's delimiter: the candidate that appears most often outside quotes in the first line.</summary>
        private static string HeaderDelimiter(string text)
        {
            int comma = 0, semicolon = 0, tab = 0;
            bool quoted = false;
            foreach (char c in text)
            {
                if (c == '"')
                {
                    quoted = !quoted;
                }
                else if (!quoted)
                {
                    if (c == '\n' || c == '\r')
                    {
                        break;
                    }

                    if (c == ',')
                    {
                        comma++;
                    }
                    else if (c == ';')
                    {
                        semicolon++;
                    }
                    else if (c == '\t')
                    {
                        tab++;
                    }
                }
            }

            if (semicolon > comma && semicolon >= tab)
            {
                return ";";
            }

            return tab > comma ? "\t" : ",";
        }

        private static SignInLogType FromColumns(CsvColumnMap columns)
        {
            bool users = columns.Has(SignInColumn.UserPrincipalName) || columns.Has(SignInColumn.UserId);
            if (!users && columns.Has(SignInColumn.ServicePrincipalId))
            {
                return columns.Has(SignInColumn.ManagedIdentityType) ? SignInLogType.ManagedIdentity : SignInLogType.ServicePrincipal;
            }

            return SignInLogType.Unknown;
        }
    }
}
