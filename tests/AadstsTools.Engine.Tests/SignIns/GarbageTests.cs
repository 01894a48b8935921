using AadstsTools.Engine.Tests.TestSupport;

namespace AadstsTools.Engine.Tests.SignIns;

/// <summary>
/// A gigabyte of junk, made as it is read: the reader must give a clear error without hanging and without
/// reading the whole of it. The wait below is a guard against a hang, not a speed target.
/// </summary>
public class GarbageTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    public static TheoryData<GarbageKind, string, string, string> Cases => new()
    {
        { GarbageKind.RandomBytes, "", "InteractiveSignIns.csv", "BinarySignInFile" },
        { GarbageKind.PrintableNoLineBreaks, "", "InteractiveSignIns.csv", "SignInLineTooLong" },
        { GarbageKind.TextLines, "", "InteractiveSignIns.csv", "MissingSignInColumn" },
        { GarbageKind.TextLines, "Date (UTC),Sign-in error code,Username\n", "InteractiveSignIns.csv", "UnreadableSignInFile" },
        { GarbageKind.PrintableNoLineBreaks, "[", "InteractiveSignIns.json", "InvalidSignInJson" },
        { GarbageKind.TextLines, "[{\"createdDateTime\":\"", "InteractiveSignIns.json", "InvalidSignInJson" },
        { GarbageKind.Letters, "[{\"createdDateTime\":\"", "InteractiveSignIns.json", "SignInRecordTooLarge" },
        { GarbageKind.Letters, "Date (UTC),Sign-in error code\n\"", "InteractiveSignIns.csv", "SignInLineTooLong" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_gigabyte_of_garbage_gives_an_error_quickly_without_reading_it_all(GarbageKind kind, string prefix, string fileName, string errorId)
    {
        var garbage = new GarbageStream(GarbageStream.OneGigabyte, kind, prefix);

        var read = await Task.Run(() => SignInFiles.Stream(garbage, fileName)).WaitAsync(HangGuard);

        Assert.Empty(read.Events);
        Assert.Equal(errorId, Assert.Single(read.Output.Errors).ErrorId);
        Assert.True(garbage.BytesRead < 64L * 1024 * 1024, $"read {garbage.BytesRead:N0} bytes of garbage before giving up");
    }
}
