using AadstsTools.Passwords;

namespace AadstsTools.Engine.Tests.Passwords;

public class RejectionSamplerTests
{
    [Fact]
    public void Over_every_possible_byte_each_index_comes_out_equally_often()
    {
        // 0..255 once each: with 7 bits per draw, 0..89 come from two bytes each and 90..127 are thrown away.
        var source = new ScriptedSource(Enumerable.Range(0, 256).Reverse().Select(b => (byte)b));
        var sampler = new RejectionSampler(source);

        int[] counts = new int[90];
        for (int i = 0; i < 180; i++)
        {
            counts[sampler.Next(90)]++;
        }

        Assert.All(counts, c => Assert.Equal(2, c));
        Assert.True(source.Exhausted);
    }

    [Fact]
    public void Over_every_possible_pair_of_bytes_each_index_above_256_comes_out_equally_often()
    {
        var source = new ScriptedSource(Enumerable.Range(0, 65536).Reverse().SelectMany(v => new[] { (byte)(v >> 8), (byte)v }));
        var sampler = new RejectionSampler(source);

        int[] counts = new int[300];
        for (int i = 0; i < 300 * 128; i++)
        {
            counts[sampler.Next(300)]++;
        }

        Assert.All(counts, c => Assert.Equal(128, c));
        Assert.True(source.Exhausted);
    }

    [Fact]
    public void A_draw_past_the_bound_is_thrown_away_not_folded_back()
    {
        // "127 % 100" would give 27; the sampler rejects 127 and takes the next byte.
        var sampler = new RejectionSampler(new ScriptedSource(new byte[] { 127, 5 }.Concat(new byte[62])));

        Assert.Equal(5, sampler.Next(100));
    }

    [Fact]
    public void Used_bytes_are_wiped()
    {
        var source = new ScriptedSource(Enumerable.Range(1, 64).Select(b => (byte)b));
        var sampler = new RejectionSampler(source);
        for (int i = 0; i < 64; i++)
        {
            sampler.Next(256);
        }

        Assert.All(source.LastBuffer!, b => Assert.Equal(0, b));
    }

    [Fact]
    public void A_bound_below_one_is_refused()
    {
        var sampler = new RejectionSampler(new ScriptedSource([]));

        Assert.Throws<ArgumentOutOfRangeException>(() => sampler.Next(0));
    }

    /// <summary>Hands out a fixed byte sequence; fails the test if asked for more.</summary>
    private sealed class ScriptedSource(IEnumerable<byte> bytes) : IRandomSource
    {
        private readonly Queue<byte> _bytes = new(bytes);

        public byte[]? LastBuffer { get; private set; }

        public bool Exhausted => _bytes.Count == 0;

        public void GetBytes(byte[] buffer)
        {
            Assert.True(_bytes.Count >= buffer.Length, "the sampler asked for more bytes than the script holds");
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = _bytes.Dequeue();
            }

            LastBuffer = buffer;
        }
    }
}
