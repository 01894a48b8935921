using AadstsTools.SignIns.Files;

namespace AadstsTools.Engine.Tests.TestSupport;

/// <summary>Counts the bytes read through it, to prove a reader streams (or stops early).</summary>
internal sealed class CountingStream(Stream inner) : ReadOnlyStream
{
    public long BytesRead { get; private set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int read = inner.Read(buffer, offset, count);
        BytesRead += read;
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
