using System.IO;
using System.Text;
using AadstsTools.Output;

namespace AadstsTools.SignIns.Files
{
    /// <summary>
    /// Looks at a file's first bytes: empty, binary, JSON or CSV, and which text encoding (BOM, UTF-8, or
    /// the single-byte code page a spreadsheet's plain "CSV" save writes).
    /// </summary>
    internal sealed class FileContent
    {
        private const int SampleSize = 64 * 1024;

        private FileContent(Stream stream, Encoding encoding, bool isJson)
        {
            Stream = stream;
            Encoding = encoding;
            IsJson = isJson;
        }

        /// <summary>The whole stream again, sample included.</summary>
        public Stream Stream { get; }

        public Encoding Encoding { get; }

        public bool IsJson { get; }

        /// <exception cref="SignInFileException">The file is empty or binary.</exception>
        public static FileContent Sniff(Stream stream, string source)
        {
            byte[] sample = new byte[SampleSize];
            int length = 0;
            int read;
            while (length < sample.Length && (read = stream.Read(sample, length, sample.Length - length)) > 0)
            {
                length += read;
            }

            var replay = new PrefixedStream(sample, length, stream);
            Encoding? bomEncoding = BomEncoding(sample, length, out int bomLength);
            if (length == bomLength)
            {
                throw new SignInFileException("EmptySignInFile", ErrorKind.InvalidData,
                    $"{source} is empty; expected the CSV or JSON sign-in download from the Entra admin center.");
            }

            Encoding encoding = bomEncoding ?? (IsUtf8(sample, length) ? new UTF8Encoding(false) : Latin1());
            if (bomEncoding == null || bomEncoding is UTF8Encoding)
            {
                for (int i = bomLength; i < length; i++)
                {
                    byte b = sample[i];
                    if (b == 0 || (b < 0x20 && b != (byte)'\t' && b != (byte)'\n' && b != (byte)'\r' && b != 0x0C))
                    {
                        throw new SignInFileException("BinarySignInFile", ErrorKind.InvalidData,
                            $"{source} is not a text file (binary content at byte {i:N0}); expected the CSV or JSON sign-in download from the Entra admin center.");
                    }
                }
            }

            string text = encoding.GetString(sample, bomLength, length - bomLength);
            bool isJson = false;
            foreach (char c in text)
            {
                if (!char.IsWhiteSpace(c) && c != '\uFEFF')
                {
                    isJson = c == '[' || c == '{';
                    break;
                }
            }

            return new FileContent(replay, encoding, isJson);
        }

        private static Encoding? BomEncoding(byte[] b, int length, out int bomLength)
        {
            bomLength = 0;
            if (length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
            {
                bomLength = 3;
                return new UTF8Encoding(false);
            }

            if (length >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0)
            {
                bomLength = 4;
                return new UTF32Encoding(bigEndian: false, byteOrderMark: false);
            }

            if (length >= 2 && b[0] == 0xFF && b[1] == 0xFE)
            {
                bomLength = 2;
                return new UnicodeEncoding(bigEndian: false, byteOrderMark: false);
            }

            if (length >= 2 && b[0] == 0xFE && b[1] == 0xFF)
            {
                bomLength = 2;
                return new UnicodeEncoding(bigEndian: true, byteOrderMark: false);
            }

            return null;
        }

        private static bool IsUtf8(byte[] sample, int length)
        {
            // The sample may end inside a multi-byte character: decode without flushing.
            try
            {
                new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder().GetCharCount(sample, 0, length, flush: length < SampleSize);
                return true;
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
        }

        // Excel's plain "CSV" save writes the machine's ANSI code page; Latin-1 reads its letters nearly
        // always right and never fails, where UTF-8 would turn them into replacement characters.
        private static Encoding Latin1() => Encoding.GetEncoding("iso-8859-1");
    }
}
