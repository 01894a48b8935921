using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using AadstsTools.Output;

namespace AadstsTools.Journal
{
    /// <summary>
    /// The runbook journal of password resets (<c>-JournalPath</c>): JSON Lines, one line per user per state
    /// change, each append on disk before <see cref="Append(JournalEntry)"/> returns. The file is held exclusively
    /// while open, so two runs can't write one journal; what it held before is in <see cref="History"/>, read
    /// under the same lock so nothing slips in between reading and appending. Appends are thread-safe.
    /// </summary>
    /// <remarks>
    /// The order that makes a killed run resumable: append <see cref="JournalEntry.Intended"/> for a user, then send;
    /// append Done or Failed when the answer comes. A user whose last line is Intended has an unknown outcome.
    /// </remarks>
    public sealed class ResetJournal : IDisposable
    {
        // Windows: sharing and lock violations; Linux and macOS: EWOULDBLOCK from flock, which .NET reports as is.
        private static readonly int[] InUseResults = { unchecked((int)0x80070020), unchecked((int)0x80070021), 11, 35 };

        private readonly FileStream _stream;
        private readonly JournalIndex _index = new JournalIndex();
        private readonly object _gate = new object();
        private bool _needsNewline;
        private Exception? _writeFailure;
        private bool _disposed;

        private ResetJournal(FileStream stream, string file, string runId, JournalHistory history)
        {
            _stream = stream;
            File = file;
            RunId = runId;
            History = history;
            _needsNewline = history.EndsWithoutNewline;
            foreach (JournalEntry entry in history.Entries)
            {
                _index.Add(entry);
            }
        }

        /// <summary>The journal's full path.</summary>
        public string File { get; }

        /// <summary>This run's id, written on every line it appends.</summary>
        public string RunId { get; }

        /// <summary>What the journal held when opened: the basis for a <see cref="ResumePlan"/>.</summary>
        public JournalHistory History { get; }

        /// <summary>
        /// Opens (or creates) a journal for appending, exclusively, and reads what it holds. A torn last line is
        /// cut off and reported in <see cref="JournalHistory.TornLastLine"/>.
        /// </summary>
        /// <param name="path">The journal file; its folder must exist.</param>
        /// <param name="runId">This run's id; a new one (UTC time and a random suffix) when null.</param>
        /// <exception cref="JournalFileException">The file is in use by another run (Kind ResourceUnavailable), can't
        /// be opened, or holds a malformed line other than the last.</exception>
        public static ResetJournal Open(string path, string? runId = null)
        {
            string file = FullPath(path);
            FileStream stream = OpenFile(file, FileAccess.ReadWrite);
            try
            {
                JournalHistory history = JournalHistory.Parse(ReadAll(stream, file), file);
                if (history.TornLastLine != null)
                {
                    CutOff(stream, file, history.TornLastLine);
                }

                stream.Seek(0, SeekOrigin.End);
                return new ResetJournal(stream, file, string.IsNullOrWhiteSpace(runId) ? NewRunId() : runId!, history);
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }

        /// <summary>Reads a journal without writing to it (for reports). Fails while a run holds it open.</summary>
        /// <exception cref="JournalFileException">As <see cref="Open"/>; a missing file is ObjectNotFound.</exception>
        public static JournalHistory Read(string path)
        {
            string file = FullPath(path);
            if (!System.IO.File.Exists(file))
            {
                throw new JournalFileException(file, 0, ErrorKind.ObjectNotFound, "the file does not exist.");
            }

            using FileStream stream = OpenFile(file, FileAccess.Read);
            return JournalHistory.Parse(ReadAll(stream, file), file);
        }

        /// <summary>Appends one line and flushes it to disk before returning.</summary>
        /// <exception cref="JournalFileException">The write failed (Kind WriteError). The journal then refuses every
        /// later append: without it a resumed run could reset users twice, so the caller must stop resetting.</exception>
        public void Append(JournalEntry entry) => Append(new[] { entry ?? throw new ArgumentNullException(nameof(entry)) });

        /// <summary>
        /// Appends several lines with one flush to disk (e.g. the Intended lines of a whole batch) before returning.
        /// </summary>
        /// <inheritdoc cref="Append(JournalEntry)" path="/exception"/>
        public void Append(IEnumerable<JournalEntry> entries)
        {
            if (entries == null)
            {
                throw new ArgumentNullException(nameof(entries));
            }

            List<JournalEntry> stamped = entries
                .Select(e => e == null ? throw new ArgumentException("The entries must not be null.", nameof(entries))
                    : e.RunId == null ? e with { RunId = RunId } : e)
                .ToList();
            if (stamped.Count == 0)
            {
                return;
            }

            var buffer = new MemoryStream();
            foreach (JournalEntry entry in stamped)
            {
                byte[] line = JournalLine.ToUtf8(entry);
                buffer.Write(line, 0, line.Length);
                buffer.WriteByte((byte)'\n');
            }

            lock (_gate)
            {
                if (_disposed)
                {
                    throw new ObjectDisposedException(nameof(ResetJournal), $"The journal '{File}' is closed.");
                }

                if (_writeFailure != null)
                {
                    throw new JournalFileException(File, 0, ErrorKind.WriteError, "an earlier write failed, so the journal takes no more lines: " + _writeFailure.Message, _writeFailure);
                }

                Write(buffer);
                foreach (JournalEntry entry in stamped)
                {
                    _index.Add(entry);
                }
            }
        }

        /// <summary>The user's state including this run's appends; matched as <see cref="JournalHistory.Lookup"/> does.</summary>
        public JournalUserState Lookup(string userKey, string? objectId = null)
        {
            lock (_gate)
            {
                return _index.Lookup(userKey, objectId);
            }
        }

        /// <summary>The last entry about the user including this run's appends, or null.</summary>
        public JournalEntry? LastEntry(string userKey, string? objectId = null)
        {
            lock (_gate)
            {
                return _index.Last(userKey, objectId);
            }
        }

        /// <summary>Closes the file; the next run may open it.</summary>
        public void Dispose()
        {
            lock (_gate)
            {
                if (!_disposed)
                {
                    _disposed = true;
                    try
                    {
                        _stream.Dispose();
                    }
                    catch (IOException)
                    {
                        // Every append was flushed when it was made; nothing is lost by a failing close.
                    }
                }
            }
        }

        private void Write(MemoryStream lines)
        {
            long lengthBefore = _stream.Length;
            try
            {
                if (_needsNewline)
                {
                    _stream.WriteByte((byte)'\n');
                }

                _stream.Write(lines.GetBuffer(), 0, (int)lines.Length);
                _stream.Flush(true);
                _needsNewline = false;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException)
            {
                _writeFailure = ex;
                TryTruncate(lengthBefore);
                throw new JournalFileException(File, 0, ErrorKind.WriteError, "can't be written: " + ex.Message + " Stop resetting: users reset now would not be recorded.", ex);
            }
        }

        // Don't leave half a line behind a failed write; if even that fails, the next Open reports a torn line.
        private void TryTruncate(long length)
        {
            try
            {
                _stream.SetLength(length);
                _stream.Flush(true);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException)
            {
            }
        }

        private static string FullPath(string path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new ArgumentException("A journal path is required.", nameof(path));
            }

            try
            {
                return Path.GetFullPath(path);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException || ex is System.Security.SecurityException)
            {
                throw new JournalFileException(path, 0, ErrorKind.InvalidArgument, "not a usable file path: " + ex.Message, ex);
            }
        }

        private static FileStream OpenFile(string file, FileAccess access)
        {
            try
            {
                // FileShare.None: Windows refuses other opens; .NET on Linux and macOS takes an exclusive flock.
                FileMode mode = access == FileAccess.Read ? FileMode.Open : FileMode.OpenOrCreate;
                FileShare share = access == FileAccess.Read ? FileShare.Read : FileShare.None;
                // No FileStream buffer: each append is one write to the OS, and bytes of a failed write are not
                // kept to be written again at Dispose.
                return new FileStream(file, mode, access, share, bufferSize: 1, FileOptions.None);
            }
            catch (IOException ex) when (ex.GetType() == typeof(IOException) && InUseResults.Contains(ex.HResult))
            {
                throw new JournalFileException(
                    file,
                    0,
                    ErrorKind.ResourceUnavailable,
                    "the file is in use by another run (another process or command has it open). Only one run may write a journal at a time: wait for the other to finish, or give a different journal path.",
                    ex);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new JournalFileException(file, 0, ErrorKind.PermissionDenied, "access denied: " + ex.Message, ex);
            }
            catch (Exception ex) when (ex is IOException || ex is ArgumentException || ex is NotSupportedException)
            {
                throw new JournalFileException(file, 0, ErrorKind.InvalidArgument, "the file can't be opened: " + ex.Message, ex);
            }
        }

        private static byte[] ReadAll(FileStream stream, string file)
        {
            try
            {
                if (stream.Length > int.MaxValue)
                {
                    throw new JournalFileException(file, 0, ErrorKind.InvalidData, "the file is too large for a journal (over 2 GB).");
                }

                var bytes = new byte[stream.Length];
                stream.Position = 0;
                int read = 0;
                int n;
                while (read < bytes.Length && (n = stream.Read(bytes, read, bytes.Length - read)) > 0)
                {
                    read += n;
                }

                return read == bytes.Length ? bytes : bytes.Take(read).ToArray();
            }
            catch (IOException ex)
            {
                throw new JournalFileException(file, 0, ErrorKind.ResourceUnavailable, "the file can't be read: " + ex.Message, ex);
            }
        }

        private static void CutOff(FileStream stream, string file, TornJournalLine torn)
        {
            try
            {
                stream.SetLength(torn.ByteOffset);
                stream.Flush(true);
            }
            catch (IOException ex)
            {
                throw new JournalFileException(file, torn.LineNumber, ErrorKind.WriteError, "the incomplete last line can't be cut off: " + ex.Message, ex);
            }
        }

        private static string NewRunId() =>
            DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);
    }
}
