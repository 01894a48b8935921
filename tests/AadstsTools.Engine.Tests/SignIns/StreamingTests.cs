using AadstsTools.Engine.Tests.TestSupport;
using AadstsTools.SignIns;
using AadstsTools.SignIns.Files;
using AadstsTools.TestData;

namespace AadstsTools.Engine.Tests.SignIns;

/// <summary>The readers stream: the first sign-in comes out long before the file is read to its end.</summary>
public class StreamingTests
{
    [Theory]
    [InlineData("InteractiveSignIns.csv")]
    [InlineData("InteractiveSignIns.json")]
    public void The_first_sign_in_comes_before_the_file_is_read_to_the_end(string fileName)
    {
        using var data = new MemoryStream();
        if (fileName.EndsWith(".csv", StringComparison.Ordinal))
        {
            SyntheticSignInLog.WriteCsv(data, SyntheticSignInLog.Volume(20_000), SignInLogType.Interactive);
        }
        else
        {
            SyntheticSignInLog.WriteJson(data, SyntheticSignInLog.Volume(20_000), SignInLogType.Interactive);
        }

        var counting = new CountingStream(new MemoryStream(data.ToArray()));
        using var events = SignInFileReader.Read(counting, fileName, new SignInReadReport(fileName)).GetEnumerator();

        Assert.True(events.MoveNext());
        Assert.True(counting.BytesRead < data.Length / 10, $"read {counting.BytesRead:N0} of {data.Length:N0} bytes for the first sign-in");
    }
}
