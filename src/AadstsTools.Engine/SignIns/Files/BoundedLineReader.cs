using System;
using System.IO;
using AadstsTools.Output;

namespace AadstsTools.SignIns.Files
{
    /// <summary>
    /// A TextReader that stops a CSV read when one physical line grows past a limit. The parser would
    /// otherwise buffer a newline-free gigabyte into one field; a sign-in row is a few kilobytes at most.
    /// </summary>
    internal sealed class BoundedLineReader : TextReader
    {
        private readonly TextReader _inner;
        private readonly int _maxLineLength;
        private readonly string _source;
        private long _line = 1;
        private int _lineLength;

        public BoundedLineReader(TextReader inner, int maxLineLength, string source)
        {
            _inner = inner;
            _maxLineLength = maxLineLength;
            _source = source;
        }

        public override int Peek() => _inner.Peek();

        public override int Read()
        {
            int c = _inner.Read();
            if (c >= 0)
            {
                Count((char)c);
            }

            return c;
        }

        public override int Read(char[] buffer, int index, int count)
        {
            int read = _inner.Read(buffer, index, count);
            for (int i = index; i < index + read; i++)
            {
                Count(buffer[i]);
            }

            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Count(char c)
        {
            if (c == '\n')
            {
                _line++;
                _lineLength = 0;
                return;
            }

            if (++_lineLength > _maxLineLength)
            {
                throw new SignInFileException("SignInLineTooLong", ErrorKind.InvalidData,
                    $"{_source}: line {_line:N0} is longer than {_maxLineLength:N0} characters, which no sign-in row is; this is not a sign-in download (or it is not split into lines).");
            }
        }
    }
}
