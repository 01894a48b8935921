using System;
using System.IO;

namespace AadstsTools.SignIns.Files
{
    /// <summary>A forward-only stream that first replays bytes already read from another (for sniffing the format).</summary>
    internal sealed class PrefixedStream : ReadOnlyStream
    {
        private readonly byte[] _prefix;
        private readonly int _prefixLength;
        private readonly Stream _inner;
        private int _position;

        public PrefixedStream(byte[] prefix, int prefixLength, Stream inner)
        {
            _prefix = prefix;
            _prefixLength = prefixLength;
            _inner = inner;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position < _prefixLength)
            {
                int n = Math.Min(count, _prefixLength - _position);
                Buffer.BlockCopy(_prefix, _position, buffer, offset, n);
                _position += n;
                return n;
            }

            return _inner.Read(buffer, offset, count);
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
