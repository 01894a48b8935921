using System;
using System.Collections.Generic;
using System.IO;
using System.Security;
using System.Text;
using AadstsTools.Output;

namespace AadstsTools.SignIns.Files
{
    /// <summary>
    /// Reads the Entra admin center's sign-in downloads (interactive, non-interactive, application and
    /// managed-identity; CSV or JSON, told apart by content) as a stream of <see cref="SignInEvent"/>s, in
    /// constant memory whatever the file's size. Never throws for a bad file: what stopped the read, and every
    /// row skipped, is in the <see cref="SignInReadReport"/>.
    /// </summary>
    public static class SignInFileReader
    {
        /// <summary>Streams the events of the file at <paramref name="path"/>; <paramref name="report"/> fills as they come.</summary>
        public static IEnumerable<SignInEvent> Read(string path, SignInReadReport report, SignInFileOptions? options = null)
        {
            if (path == null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            return Read(() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.SequentialScan), path, report, options);
        }

        /// <summary>Streams the events of a download already open (it is disposed at the end); <paramref name="fileName"/> may tell the log type.</summary>
        public static IEnumerable<SignInEvent> Read(Stream stream, string? fileName, SignInReadReport report, SignInFileOptions? options = null)
        {
            if (stream == null)
            {
                throw new ArgumentNullException(nameof(stream));
            }

            return Read(() => stream, fileName, report, options);
        }

        /// <summary>
        /// Streams the events of the file and, once the last is read, writes the report: the error that stopped
        /// the read, one warning counting skipped rows, and the totals as verbose text.
        /// </summary>
        public static IEnumerable<SignInEvent> ReadAndReport(string path, IEngineOutput output, SignInFileOptions? options = null)
        {
            var report = new SignInReadReport(Path.GetFileName(path));
            foreach (SignInEvent signIn in Read(path, report, options))
            {
                yield return signIn;
            }

            report.WriteTo(output);
        }

        private static IEnumerable<SignInEvent> Read(Func<Stream> open, string? fileName, SignInReadReport report, SignInFileOptions? options)
        {
            if (report == null)
            {
                throw new ArgumentNullException(nameof(report));
            }

            options ??= new SignInFileOptions();
            IEnumerator<SignInEvent>? events = null;
            try
            {
                while (true)
                {
                    SignInEvent current;
                    try
                    {
                        events ??= ReadCore(open, fileName, report, options).GetEnumerator();
                        if (!events.MoveNext())
                        {
                            break;
                        }

                        current = events.Current;
                    }
                    catch (SignInFileException ex)
                    {
                        report.Error = new EngineError(ex.ErrorId, ex.Kind, ex.Message, report.Source) { RecommendedAction = ex.RecommendedAction, Exception = ex };
                        break;
                    }
                    catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is SecurityException || ex is DecoderFallbackException || ex is NotSupportedException || ex is ArgumentException)
                    {
                        report.Error = FileError(ex, report.Source);
                        break;
                    }

                    yield return current;
                }
            }
            finally
            {
                events?.Dispose();
                report.Completed = true;
            }
        }

        private static IEnumerable<SignInEvent> ReadCore(Func<Stream> open, string? fileName, SignInReadReport report, SignInFileOptions options)
        {
            using Stream stream = open();
            FileContent content = FileContent.Sniff(stream, report.Source);
            IEnumerable<RawSignInRow> rows;
            SignInLogType fileLogType;
            if (content.IsJson)
            {
                report.Format = "JSON";
                fileLogType = options.LogType ?? SignInLogTypes.FromFileName(fileName) ?? SignInLogType.Unknown;
                Stream utf8 = content.Encoding is UTF8Encoding ? content.Stream : new Utf8TranscodingStream(content.Stream, content.Encoding);
                rows = new JsonSignInReader(utf8, report, options).Rows();
            }
            else
            {
                report.Format = "CSV";
                var text = new StreamReader(content.Stream, content.Encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
                CsvSignInReader csv = CsvSignInReader.Open(text, report, options, fileName);
                fileLogType = csv.LogType;
                rows = csv.Rows();
            }

            report.LogType = fileLogType;
            foreach (SignInEvent signIn in new SignInRowConverter(options, report, fileLogType).Convert(rows))
            {
                yield return signIn;
            }
        }

        private static EngineError FileError(Exception ex, string source) => ex switch
        {
            FileNotFoundException _ => new EngineError("SignInFileNotFound", ErrorKind.ObjectNotFound, $"The sign-in file '{source}' does not exist.", source) { Exception = ex },
            DirectoryNotFoundException _ => new EngineError("SignInFileNotFound", ErrorKind.ObjectNotFound, $"The folder of the sign-in file '{source}' does not exist.", source) { Exception = ex },
            UnauthorizedAccessException _ => new EngineError("SignInFileAccessDenied", ErrorKind.PermissionDenied, $"The sign-in file '{source}' cannot be opened: access is denied.", source) { Exception = ex },
            SecurityException _ => new EngineError("SignInFileAccessDenied", ErrorKind.PermissionDenied, $"The sign-in file '{source}' cannot be opened: access is denied.", source) { Exception = ex },
            _ => new EngineError("SignInFileUnreadable", ErrorKind.ResourceUnavailable, $"The sign-in file '{source}' cannot be read: {ex.Message}", source) { Exception = ex },
        };
    }
}
