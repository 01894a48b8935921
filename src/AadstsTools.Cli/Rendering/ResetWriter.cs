using System;
using System.Globalization;
using System.IO;
using System.Text.Json;
using CsvHelper;

namespace AadstsTools.Cli.Rendering
{
    /// <summary>Reset results as they come: a table for people, CSV or JSON for the next step of a script.</summary>
    internal abstract class ResetWriter : IDisposable
    {
        public static ResetWriter For(string format, TextWriter writer) => format.ToLowerInvariant() switch
        {
            "csv" => new CsvWriterImpl(writer),
            "json" => new JsonWriter(writer),
            "table" => new TableWriter(writer),
            _ => throw new ArgumentException($"--format must be table, csv or json (got '{format}')."),
        };

        public virtual void Begin()
        {
        }

        public abstract void Write(ResetRow row);

        public virtual void End()
        {
        }

        public virtual void Dispose()
        {
        }

        private sealed class TableWriter(TextWriter writer) : ResetWriter
        {
            public override void Begin() => writer.WriteLine($"{"User",-40}{"Status",-9}Details");

            public override void Write(ResetRow row)
            {
                string details = row.Password != null ? "password: " + row.Password : row.Message ?? (row.SessionsRevoked == true ? "sessions revoked" : string.Empty);
                writer.WriteLine($"{row.UserPrincipalName ?? row.Input,-40}{row.Status,-9}{details}");
            }
        }

        private sealed class CsvWriterImpl(TextWriter writer) : ResetWriter
        {
            private readonly CsvWriter _csv = new(writer, CultureInfo.InvariantCulture, leaveOpen: true);

            public override void Begin()
            {
                _csv.WriteHeader<ResetRow>();
                _csv.NextRecord();
            }

            public override void Write(ResetRow row)
            {
                _csv.WriteRecord(row);
                _csv.NextRecord();
                _csv.Flush();
            }

            public override void Dispose() => _csv.Dispose();
        }

        private sealed class JsonWriter(TextWriter writer) : ResetWriter
        {
            private bool _first = true;

            public override void Begin() => writer.WriteLine("[");

            public override void Write(ResetRow row)
            {
                if (!_first)
                {
                    writer.WriteLine(",");
                }

                _first = false;
                writer.Write(JsonSerializer.Serialize(row, CliJson.Context.ResetRow));
                writer.Flush();
            }

            public override void End()
            {
                writer.WriteLine();
                writer.WriteLine("]");
            }
        }
    }
}
