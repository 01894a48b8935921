using System;
using System.IO;
using System.Text;

namespace AadstsTools.SignIns.Files
{
    /// <summary>
    /// Reads text in another encoding as UTF-8 bytes, for the JSON reader: Windows PowerShell 5.1 writes
    /// UTF-16 when a sign-in export is redirected to a file.
    /// </summary>
    internal sealed class Utf8TranscodingStream : ReadOnlyStream
    {
        private readonly Stream _inner;
        private readonly Decoder _decoder;
        private readonly Encoder _encoder = new UTF8Encoding(false).GetEncoder();
        private readonly byte[] _input = new byte[16 * 1024];
        private readonly char[] _chars = new char[16 * 1024];
        private readonly byte[] _output = new byte[16 * 1024 * 3 + 8];
        private int _outputStart;
        private int _outputEnd;
        private bool _done;

        public Utf8TranscodingStream(Stream inner, Encoding from)
        {
            _inner = inner;
            _decoder = from.GetDecoder();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            while (_outputStart == _outputEnd && !_done)
            {
                int read = _inner.Read(_input, 0, _input.Length);
                bool flush = read == 0;
                int chars = _decoder.GetChars(_input, 0, read, _chars, 0, flush);
                _outputStart = 0;
                _outputEnd = _encoder.GetBytes(_chars, 0, chars, _output, 0, flush);
                _done = flush;
            }

            int n = Math.Min(count, _outputEnd - _outputStart);
            Buffer.BlockCopy(_output, _outputStart, buffer, offset, n);
            _outputStart += n;
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
