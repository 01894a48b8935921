using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using AadstsTools.Output;

namespace AadstsTools.SignIns.Files
{
    /// <summary>
    /// Streams the JSON sign-in download record by record with Utf8JsonReader over a reused buffer, so a
    /// 100,000-record file never sits in memory whole. Accepts the portal's shape (an array of objects with
    /// Graph's camelCase names: createdDateTime, status.errorCode, location.city…), a Graph response page
    /// ({"value": […]}) and JSON lines. Names match ignoring case; a value of an unexpected type is read as
    /// text where it can be and never fails the record.
    /// </summary>
    internal sealed class JsonSignInReader
    {
        private const int InitialBufferSize = 64 * 1024;

        private static readonly Dictionary<string, JsonField> Fields = new Dictionary<string, JsonField>(StringComparer.OrdinalIgnoreCase)
        {
            ["createdDateTime"] = JsonField.Time,
            ["id"] = JsonField.RequestId,
            ["correlationId"] = JsonField.CorrelationId,
            ["userId"] = JsonField.UserId,
            ["userPrincipalName"] = JsonField.UserPrincipalName,
            ["userDisplayName"] = JsonField.UserDisplayName,
            ["servicePrincipalId"] = JsonField.ServicePrincipalId,
            ["servicePrincipalName"] = JsonField.ServicePrincipalName,
            ["appId"] = JsonField.AppId,
            ["appDisplayName"] = JsonField.AppDisplayName,
            ["ipAddress"] = JsonField.IpAddress,
            ["clientAppUsed"] = JsonField.ClientApp,
            ["conditionalAccessStatus"] = JsonField.ConditionalAccess,
            ["isInteractive"] = JsonField.IsInteractive,
            ["signInEventTypes"] = JsonField.EventType,
            ["status"] = JsonField.Status,
            ["location"] = JsonField.Location,
            ["errorCode"] = JsonField.ErrorCode,
            ["failureReason"] = JsonField.FailureReason,
            ["additionalDetails"] = JsonField.AdditionalDetails,
            ["city"] = JsonField.City,
            ["state"] = JsonField.State,
            ["countryOrRegion"] = JsonField.CountryOrRegion,
            ["country"] = JsonField.CountryOrRegion,
        };

        private readonly Stream _stream;
        private readonly SignInReadReport _report;
        private readonly SignInFileOptions _options;
        private byte[] _buffer = new byte[InitialBufferSize];
        private int _start;
        private int _end;
        private bool _eof;
        private long _line = 1;
        private JsonReaderState _state;
        private Phase _phase = Phase.Start;
        private int _recordDepth;

        public JsonSignInReader(Stream stream, SignInReadReport report, SignInFileOptions options)
        {
            _stream = stream;
            _report = report;
            _options = options;
            _state = new JsonReaderState(new JsonReaderOptions
            {
                AllowMultipleValues = true,
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
            });
        }

        private enum Phase
        {
            Start,
            InArray,
            RestOfPage,
            TopLevelValues,
            Done,
        }

        private enum StepResult
        {
            Record,
            NeedMore,
            End,
        }

        private enum JsonField
        {
            Time,
            RequestId,
            CorrelationId,
            UserId,
            UserPrincipalName,
            UserDisplayName,
            ServicePrincipalId,
            ServicePrincipalName,
            AppId,
            AppDisplayName,
            IpAddress,
            ClientApp,
            ConditionalAccess,
            IsInteractive,
            EventType,
            Status,
            Location,
            ErrorCode,
            FailureReason,
            AdditionalDetails,
            City,
            State,
            CountryOrRegion,
        }

        public IEnumerable<RawSignInRow> Rows()
        {
            Fill();
            if (_end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
            {
                // Utf8JsonReader does not skip a byte-order mark.
                _start = 3;
            }

            while (true)
            {
                StepResult result = Step(out RawSignInRow? row);
                if (result == StepResult.Record)
                {
                    yield return row!;
                }
                else if (result == StepResult.NeedMore)
                {
                    Fill();
                }
                else
                {
                    yield break;
                }
            }
        }

        private StepResult Step(out RawSignInRow? row)
        {
            row = null;
            // Never a final block, even at the end of the file: then an unfinished token or record reads as
            // "incomplete" (a cut-off download) instead of throwing as broken JSON.
            var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(_buffer, _start, _end - _start), isFinalBlock: false, _state);
            try
            {
                while (true)
                {
                    long checkpoint = reader.BytesConsumed;
                    JsonReaderState checkpointState = reader.CurrentState;
                    if (!reader.Read())
                    {
                        Commit(reader.BytesConsumed, reader.CurrentState);
                        return _eof ? AtEnd() : StepResult.NeedMore;
                    }

                    if (_phase == Phase.Start || (_phase == Phase.TopLevelValues && reader.TokenType == JsonTokenType.StartArray))
                    {
                        if (reader.TokenType == JsonTokenType.StartArray)
                        {
                            _phase = Phase.InArray;
                            _recordDepth = reader.CurrentDepth + 1;
                            continue;
                        }

                        if (reader.TokenType != JsonTokenType.StartObject)
                        {
                            throw NotRecords($"the JSON is a {Describe(reader.TokenType)}, not an array of sign-in records");
                        }

                        Utf8JsonReader peek = reader;
                        bool? wrapper = IsResponsePage(ref peek);
                        if (wrapper == null)
                        {
                            Commit(checkpoint, checkpointState);
                            return StepResult.NeedMore;
                        }

                        if (wrapper.Value)
                        {
                            reader = peek;
                            _phase = Phase.InArray;
                            _recordDepth = reader.CurrentDepth + 1;
                            continue;
                        }

                        _phase = Phase.TopLevelValues;
                        _recordDepth = 0;
                    }
                    else if (_phase == Phase.InArray && reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == _recordDepth - 1)
                    {
                        // A page's other properties (@odata.nextLink) follow its records; another array or
                        // record may follow (downloads joined into one file): read on.
                        _phase = _recordDepth == 1 ? Phase.Start : Phase.RestOfPage;
                        continue;
                    }
                    else if (_phase == Phase.RestOfPage)
                    {
                        if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0)
                        {
                            _phase = Phase.Start;
                        }
                        else if (!reader.TrySkip())
                        {
                            Commit(checkpoint, checkpointState);
                            return StepResult.NeedMore;
                        }

                        continue;
                    }
                    else if (_phase == Phase.TopLevelValues && reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw NotRecords($"a top-level {Describe(reader.TokenType)} follows the records");
                    }

                    long line = _line + CountLines(_start, (int)reader.TokenStartIndex);
                    Utf8JsonReader probe = reader;
                    if (!probe.TrySkip())
                    {
                        if (_eof)
                        {
                            _report.Skip(line, "the file ends inside this record (the download was cut short)");
                            _phase = Phase.Done;
                            return StepResult.End;
                        }

                        Commit(checkpoint, checkpointState);
                        return StepResult.NeedMore;
                    }

                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        try
                        {
                            row = ReadRecord(ref reader, line);
                        }
                        catch (InvalidOperationException)
                        {
                            // Text that is not valid UTF-8: this record only, the next ones may be fine.
                            reader = probe;
                            row = new RawSignInRow { Line = line, Problem = "it holds text that is not valid UTF-8" };
                        }
                    }
                    else
                    {
                        reader = probe;
                        row = new RawSignInRow { Line = line, Problem = $"the array holds a {Describe(reader.TokenType)} here, not a sign-in record" };
                    }

                    Commit(reader.BytesConsumed, reader.CurrentState);
                    return StepResult.Record;
                }
            }
            catch (JsonException ex)
            {
                // The reader's state carries its line count across buffers: the exception's line is the file's (0-based).
                long line = (ex.LineNumber ?? (_line - 1)) + 1;
                string reason = ex.Message;
                int cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
                if (cut > 0)
                {
                    reason = reason.Substring(0, cut);
                }

                throw new SignInFileException("InvalidSignInJson", ErrorKind.InvalidData,
                    $"{_report.Source}: the JSON is broken at line {line:N0}: {reason.Trim()} The {SignInReadReport.Count(_report.RowsRead + _report.RowsSkipped, "record")} before it were read.", ex);
            }
        }

        private StepResult AtEnd()
        {
            if (_phase == Phase.InArray || _phase == Phase.RestOfPage)
            {
                _report.Notes.Add($"{_report.Source} ends without the closing ']' of its records: the download may have been cut short after the last record read.");
            }

            _phase = Phase.Done;
            return StepResult.End;
        }

        /// <summary>True for a Graph response page ({"@odata.context": …, "value": [ … ]}), false for a record, null when the buffer ends first.</summary>
        private bool? IsResponsePage(ref Utf8JsonReader reader)
        {
            while (true)
            {
                if (!reader.Read())
                {
                    return _eof ? false : (bool?)null;
                }

                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    return false;
                }

                string name = reader.GetString() ?? string.Empty;
                if (!reader.Read())
                {
                    return _eof ? false : (bool?)null;
                }

                if (name.StartsWith("@", StringComparison.Ordinal))
                {
                    if (!reader.TrySkip())
                    {
                        return _eof ? false : (bool?)null;
                    }

                    continue;
                }

                return name.Equals("value", StringComparison.OrdinalIgnoreCase) && reader.TokenType == JsonTokenType.StartArray;
            }
        }

        private RawSignInRow ReadRecord(ref Utf8JsonReader reader, long line)
        {
            var row = new RawSignInRow { Line = line };
            int depth = reader.CurrentDepth;
            while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
            {
                string name = reader.GetString() ?? string.Empty;
                reader.Read();
                if (!Fields.TryGetValue(name, out JsonField field))
                {
                    reader.TrySkip();
                    continue;
                }

                if ((field == JsonField.Status || field == JsonField.Location) && reader.TokenType == JsonTokenType.StartObject)
                {
                    ReadNested(ref reader, row);
                    continue;
                }

                Assign(row, field, ValueText(ref reader));
            }

            if (_options.LogType == null)
            {
                row.LogType ??= row.IsInteractive == null ? null
                    : string.Equals(row.IsInteractive, "true", StringComparison.OrdinalIgnoreCase) ? SignInLogType.Interactive
                    : row.UserId == null && row.ServicePrincipalId != null ? SignInLogType.ServicePrincipal
                    : SignInLogType.NonInteractive;
            }
            else
            {
                row.LogType = null;
            }

            return row;
        }

        private static void ReadNested(ref Utf8JsonReader reader, RawSignInRow row)
        {
            int depth = reader.CurrentDepth;
            while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
            {
                string name = reader.GetString() ?? string.Empty;
                reader.Read();
                if (Fields.TryGetValue(name, out JsonField field) && field >= JsonField.ErrorCode)
                {
                    Assign(row, field, ValueText(ref reader));
                }
                else
                {
                    reader.TrySkip();
                }
            }
        }

        private static void Assign(RawSignInRow row, JsonField field, string? value)
        {
            switch (field)
            {
                case JsonField.Time: row.Time = value; break;
                case JsonField.RequestId: row.RequestId = value; break;
                case JsonField.CorrelationId: row.CorrelationId = value; break;
                case JsonField.UserId: row.UserId = value; break;
                case JsonField.UserPrincipalName: row.UserPrincipalName = value; break;
                case JsonField.UserDisplayName: row.UserDisplayName = value; break;
                case JsonField.ServicePrincipalId: row.ServicePrincipalId = value; break;
                case JsonField.ServicePrincipalName: row.ServicePrincipalName = value; break;
                case JsonField.AppId: row.AppId = value; break;
                case JsonField.AppDisplayName: row.AppDisplayName = value; break;
                case JsonField.IpAddress: row.IpAddress = value; break;
                case JsonField.ClientApp: row.ClientApp = value; break;
                case JsonField.ConditionalAccess: row.ConditionalAccessStatus = value; break;
                case JsonField.IsInteractive: row.IsInteractive = value; break;
                case JsonField.EventType: row.LogType = SignInLogTypes.FromEventType(value); break;
                case JsonField.Status: row.Status = value; break;
                case JsonField.Location: row.Location = value; break;
                case JsonField.ErrorCode: row.ErrorCode = value; break;
                case JsonField.FailureReason: row.FailureReason = value; break;
                case JsonField.AdditionalDetails: row.AdditionalDetails = value; break;
                case JsonField.City: row.City = value; break;
                case JsonField.State: row.State = value; break;
                case JsonField.CountryOrRegion: row.CountryOrRegion = value; break;
            }
        }

        /// <summary>A value as text: strings as they are, numbers and booleans as written, an array's first scalar; objects are skipped.</summary>
        private static string? ValueText(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    return reader.GetString();
                case JsonTokenType.Number:
                    return Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
                case JsonTokenType.True:
                    return "true";
                case JsonTokenType.False:
                    return "false";
                case JsonTokenType.StartArray:
                    string? first = null;
                    int depth = reader.CurrentDepth;
                    while (reader.Read() && !(reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == depth))
                    {
                        if (first == null && (reader.TokenType == JsonTokenType.String || reader.TokenType == JsonTokenType.Number))
                        {
                            first = ValueText(ref reader);
                        }
                        else
                        {
                            reader.TrySkip();
                        }
                    }

                    return first;
                default:
                    reader.TrySkip();
                    return null;
            }
        }

        private void Commit(long consumed, JsonReaderState state)
        {
            _line += CountLines(_start, (int)consumed);
            _start += (int)consumed;
            _state = state;
        }

        private long CountLines(int from, int count)
        {
            int lines = 0;
            var span = new ReadOnlySpan<byte>(_buffer, from, count);
            int at;
            while ((at = span.IndexOf((byte)'\n')) >= 0)
            {
                lines++;
                span = span.Slice(at + 1);
            }

            return lines;
        }

        /// <summary>Keeps the unread bytes, grows the buffer when one record fills it, and reads on.</summary>
        private void Fill()
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                if (_buffer.Length >= _options.MaxRecordBytes)
                {
                    throw new SignInFileException("SignInRecordTooLarge", ErrorKind.InvalidData,
                        $"{_report.Source}: the record that starts on line {_line:N0} is larger than {_options.MaxRecordBytes / 1024 / 1024:N0} MB, which no sign-in record is; this is not a sign-in download.");
                }

                Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, _options.MaxRecordBytes));
            }

            int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _eof = true;
            }

            _end += read;
        }

        private SignInFileException NotRecords(string what) => new SignInFileException("InvalidSignInJson", ErrorKind.InvalidData,
            $"{_report.Source}: {what}. Expected the JSON sign-in download from the Entra admin center: an array of records with createdDateTime, status.errorCode and the other sign-in fields.");

        private static string Describe(JsonTokenType token) => token switch
        {
            JsonTokenType.StartArray => "array",
            JsonTokenType.StartObject => "object",
            JsonTokenType.String => "string",
            JsonTokenType.Number => "number",
            JsonTokenType.True => "boolean",
            JsonTokenType.False => "boolean",
            JsonTokenType.Null => "null",
            _ => token.ToString(),
        };
    }
}
