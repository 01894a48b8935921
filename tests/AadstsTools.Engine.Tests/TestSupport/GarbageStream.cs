using AadstsTools.SignIns.Files;

using System.Text;

namespace AadstsTools.Engine.Tests.TestSupport;

/// <summary>
/// A gigabyte (or any length) of junk made on the fly, never stored: random bytes, printable text with no line
/// breaks, or lines of text, optionally after a given first part (such as a valid header).
/// </summary>
internal sealed class GarbageStream : ReadOnlyStream
{
    private readonly long _length;
    private readonly GarbageKind _kind;
    private readonly byte[] _prefix;
    private readonly Random _random = new(42);
    private long _position;

    public GarbageStream(long length, GarbageKind kind, string prefix = "")
    {
        _length = length;
        _kind = kind;
        _prefix = Encoding.UTF8.GetBytes(prefix);
    }

    public const long OneGigabyte = 1024L * 1024 * 1024;

    public long BytesRead => _position;

    public override int Read(byte[] buffer, int offset, int count)
    {
        int n = (int)Math.Min(count, _length - _position);
        for (int i = 0; i < n; i++)
        {
            long at = _position + i;
            buffer[offset + i] = at < _prefix.Length ? _prefix[at] : Next(at);
        }

        _position += n;
        return n;
    }

    private byte Next(long at) => _kind switch
    {
        GarbageKind.RandomBytes => (byte)_random.Next(256),
        GarbageKind.PrintableNoLineBreaks => (byte)_random.Next(0x20, 0x7F),
        GarbageKind.Letters => (byte)_random.Next('a', 'z' + 1),
        _ => at % 97 == 96 ? (byte)'\n' : (byte)_random.Next(0x20, 0x7F),
    };

}

public enum GarbageKind
{
    RandomBytes,
    PrintableNoLineBreaks,

    /// <summary>a to z only: inside a JSON string, a string that never ends.</summary>
    Letters,
    TextLines,
}
