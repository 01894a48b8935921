using System;
using System.Collections.Generic;
using System.Globalization;
using AadstsTools.Output;

namespace AadstsTools.SignIns.Files
{
    /// <summary>
    /// Turns the readers' raw rows into <see cref="SignInEvent"/>s: checks the date and the error code,
    /// counts the rows it cannot use in the report, and settles the day/month order of re-saved dates. Rows
    /// with ambiguous dates wait (at most <see cref="SignInFileOptions.MaxPendingAmbiguousRows"/>) until a row
    /// tells the order, so the output keeps the file's order.
    /// </summary>
    internal sealed class SignInRowConverter
    {
        private readonly SignInFileOptions _options;
        private readonly SignInReadReport _report;
        private readonly SignInLogType _fileLogType;
        private readonly Queue<(RawSignInRow Row, DateReading Date, int Code)> _pending = new Queue<(RawSignInRow, DateReading, int)>();
        private SignInDateOrder _order;

        public SignInRowConverter(SignInFileOptions options, SignInReadReport report, SignInLogType fileLogType)
        {
            _options = options;
            _report = report;
            _fileLogType = fileLogType;
            _order = options.DateOrder;
            if (_order != SignInDateOrder.Auto)
            {
                report.DateOrderUsed = _order;
                report.DateOrderReason = "-DateOrder";
            }
        }

        public IEnumerable<SignInEvent> Convert(IEnumerable<RawSignInRow> rows)
        {
            foreach (RawSignInRow row in rows)
            {
                if (!TryCheck(row, out DateReading date, out int code, out string problem))
                {
                    _report.Skip(row.Line, problem);
                    if (_report.RowsRead == 0 && _pending.Count == 0 && _report.RowsSkipped >= _options.GiveUpAfterBadRows)
                    {
                        throw new SignInFileException("UnreadableSignInFile", ErrorKind.InvalidData,
                            $"{_report.Source}: none of the first {_report.RowsSkipped:N0} rows could be read, so the rest is not tried: this does not look like a sign-in download. Line {_report.SkippedSamples[0].Line}: {_report.SkippedSamples[0].Problem}.");
                    }

                    continue;
                }

                if (date.Evidence != SignInDateOrder.Auto)
                {
                    if (_order == SignInDateOrder.Auto)
                    {
                        _order = date.Evidence;
                        _report.DateOrderUsed = _order;
                        _report.DateOrderReason = $"line {row.Line} ('{row.Time?.Trim()}')";
                    }
                    else if (_order != date.Evidence)
                    {
                        _report.MixedDateOrderRows++;
                    }
                }

                bool queued = false;
                if (_order == SignInDateOrder.Auto && (date.IsAmbiguous || _pending.Count > 0))
                {
                    _pending.Enqueue((row, date, code));
                    queued = true;
                    if (_pending.Count < _options.MaxPendingAmbiguousRows)
                    {
                        continue;
                    }

                    Guess();
                }

                while (_pending.Count > 0)
                {
                    var waiting = _pending.Dequeue();
                    yield return Build(waiting.Row, waiting.Date, waiting.Code);
                }

                if (!queued)
                {
                    yield return Build(row, date, code);
                }
            }

            if (_pending.Count > 0)
            {
                Guess();
                while (_pending.Count > 0)
                {
                    var waiting = _pending.Dequeue();
                    yield return Build(waiting.Row, waiting.Date, waiting.Code);
                }
            }
        }

        private void Guess()
        {
            CultureInfo culture = _options.FallbackCulture ?? CultureInfo.CurrentCulture;
            _order = SignInDateParser.OrderOf(culture);
            _report.DateOrderUsed = _order;
            _report.DateOrderGuessed = true;
            _report.DateOrderReason = string.IsNullOrEmpty(culture.Name) ? "the invariant culture" : "the culture " + culture.Name;
        }

        private SignInEvent Build(RawSignInRow row, DateReading date, int code)
        {
            if (date.IsAmbiguous)
            {
                _report.AmbiguousDates++;
                _report.AmbiguousSample ??= (row.Line, row.Time!.Trim());
            }

            _report.RowsRead++;
            SignInLogType logType = row.LogType ?? _fileLogType;
            SplitLocation(row, out string? city, out string? state, out string? country);
            return new SignInEvent
            {
                TimeUtc = date.In(_order),
                RequestId = Text(row.RequestId),
                CorrelationId = Text(row.CorrelationId),
                UserId = Text(row.UserId),
                UserPrincipalName = Text(row.UserPrincipalName),
                UserDisplayName = Text(row.UserDisplayName),
                ServicePrincipalId = Text(row.ServicePrincipalId),
                ServicePrincipalName = Text(row.ServicePrincipalName),
                AppId = Text(row.AppId),
                AppDisplayName = Text(row.AppDisplayName),
                IpAddress = Text(row.IpAddress),
                City = city,
                State = state,
                CountryOrRegion = country,
                ClientApp = Text(row.ClientApp),
                ErrorCode = code,
                FailureReason = Text(row.FailureReason),
                AdditionalDetails = Text(row.AdditionalDetails),
                ConditionalAccessStatus = NormaliseCaStatus(Text(row.ConditionalAccessStatus)),
                IsInteractive = ParseBool(row.IsInteractive) ?? InteractiveOf(logType),
                LogType = logType,
                Origin = _report.Source + ":" + row.Line.ToString(CultureInfo.InvariantCulture),
            };
        }

        private static bool TryCheck(RawSignInRow row, out DateReading date, out int code, out string problem)
        {
            date = default;
            code = 0;
            if (row.Problem != null)
            {
                problem = row.Problem;
                return false;
            }

            if (!SignInDateParser.TryParse(row.Time, out date, out problem))
            {
                problem = "'Date (UTC)': " + problem;
                return false;
            }

            if (!TryCode(row.ErrorCode, row.Status, out code, out problem))
            {
                return false;
            }

            return true;
        }

        private static bool TryCode(string? text, string? status, out int code, out string problem)
        {
            problem = string.Empty;
            string value = (text ?? string.Empty).Trim();
            if (value.Length == 0)
            {
                // The download leaves the code empty on some successful rows; the Status column says so.
                code = 0;
                if (string.Equals(Text(status), "Success", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                problem = "'Sign-in error code' is empty";
                return false;
            }

            if (value.StartsWith("AADSTS", StringComparison.OrdinalIgnoreCase))
            {
                value = value.Substring(6);
            }

            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out code))
            {
                return true;
            }

            problem = $"'Sign-in error code' is '{Shorten(value)}', not a number";
            return false;
        }

        private static void SplitLocation(RawSignInRow row, out string? city, out string? state, out string? country)
        {
            city = Text(row.City);
            state = Text(row.State);
            country = Text(row.CountryOrRegion);
            string? combined = Text(row.Location);
            if (combined == null || city != null || state != null || country != null)
            {
                return;
            }

            // "City, State, Country"; a city name may itself hold a comma, so split from the right.
            string[] parts = combined.Split(',');
            for (int i = 0; i < parts.Length; i++)
            {
                parts[i] = parts[i].Trim();
            }

            if (parts.Length >= 3)
            {
                country = Text(parts[parts.Length - 1]);
                state = Text(parts[parts.Length - 2]);
                city = Text(string.Join(", ", parts, 0, parts.Length - 2));
            }
            else if (parts.Length == 2)
            {
                city = Text(parts[0]);
                country = Text(parts[1]);
            }
            else
            {
                country = Text(parts[0]);
            }
        }

        internal static string? NormaliseCaStatus(string? value)
        {
            if (value == null)
            {
                return null;
            }

            string key = value.Replace(" ", string.Empty);
            if (key.Equals("success", StringComparison.OrdinalIgnoreCase))
            {
                return "Success";
            }

            if (key.Equals("failure", StringComparison.OrdinalIgnoreCase))
            {
                return "Failure";
            }

            if (key.Equals("notapplied", StringComparison.OrdinalIgnoreCase))
            {
                return "NotApplied";
            }

            return value;
        }

        private static bool? InteractiveOf(SignInLogType type) => type switch
        {
            SignInLogType.Interactive => true,
            SignInLogType.NonInteractive => false,
            SignInLogType.ServicePrincipal => false,
            SignInLogType.ManagedIdentity => false,
            _ => (bool?)null,
        };

        private static bool? ParseBool(string? text)
        {
            string? value = Text(text);
            if (value == null)
            {
                return null;
            }

            if (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (value.Equals("false", StringComparison.OrdinalIgnoreCase) || value.Equals("no", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            return null;
        }

        internal static string? Text(string? value)
        {
            if (value == null)
            {
                return null;
            }

            string trimmed = value.Trim();
            return trimmed.Length == 0 ? null : trimmed;
        }

        internal static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 37) + "...";
    }
}
