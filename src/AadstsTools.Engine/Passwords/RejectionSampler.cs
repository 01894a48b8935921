using System;

namespace AadstsTools.Passwords
{
    /// <summary>
    /// Unbiased indexes from random bytes. netstandard2.0 has no RandomNumberGenerator.GetInt32, and "byte % n"
    /// favours the low values whenever n doesn't divide 256; so draw just enough bits to cover n - 1 and
    /// throw away draws of n or more (fewer than half of them), which leaves every index equally likely.
    /// Not thread-safe: each user holds its own, or locks.
    /// </summary>
    internal sealed class RejectionSampler : IIndexSource
    {
        private readonly IRandomSource _source;
        private readonly byte[] _buffer = new byte[64];
        private int _next;

        public RejectionSampler(IRandomSource source)
        {
            _source = source ?? throw new ArgumentNullException(nameof(source));
            _next = _buffer.Length;
        }

        public int Next(int exclusiveMax)
        {
            if (exclusiveMax < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(exclusiveMax), exclusiveMax, "The bound must be at least 1.");
            }

            uint largest = (uint)exclusiveMax - 1;
            uint mask = largest;
            mask |= mask >> 1;
            mask |= mask >> 2;
            mask |= mask >> 4;
            mask |= mask >> 8;
            mask |= mask >> 16;
            int bytes = mask <= 0xFF ? 1 : mask <= 0xFFFF ? 2 : mask <= 0xFFFFFF ? 3 : 4;
            while (true)
            {
                uint draw = NextBytes(bytes) & mask;
                if (draw <= largest)
                {
                    return (int)draw;
                }
            }
        }

        private uint NextBytes(int count)
        {
            uint value = 0;
            for (int i = 0; i < count; i++)
            {
                if (_next == _buffer.Length)
                {
                    _source.GetBytes(_buffer);
                    _next = 0;
                }

                value = (value << 8) | _buffer[_next];
                _buffer[_next++] = 0; // used randomness decided a password: don't leave it in memory
            }

            return value;
        }
    }
}
