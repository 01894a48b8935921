using System.Globalization;

namespace AadstsTools.SignIns.Files
{
    /// <summary>How to read a sign-in download.</summary>
    public sealed class SignInFileOptions
    {
        /// <summary>The default for <see cref="MaxLineLength"/>: no real sign-in row comes near it.</summary>
        public const int DefaultMaxLineLength = 1024 * 1024;

        /// <summary>The default for <see cref="MaxRecordBytes"/>.</summary>
        public const int DefaultMaxRecordBytes = 16 * 1024 * 1024;

        /// <summary>The log the file holds; null to tell it from the file name, the columns or each record.</summary>
        public SignInLogType? LogType { get; init; }

        /// <summary>How to read dates such as 05/06/2026 in files a spreadsheet re-saved.</summary>
        public SignInDateOrder DateOrder { get; init; } = SignInDateOrder.Auto;

        /// <summary>Whose date order to use when <see cref="DateOrder"/> is Auto and the file gives no clue; the current culture when null.</summary>
        public CultureInfo? FallbackCulture { get; init; }

        /// <summary>A CSV line longer than this many characters stops the read: the file is not a sign-in download.</summary>
        public int MaxLineLength { get; init; } = DefaultMaxLineLength;

        /// <summary>A JSON record larger than this many bytes stops the read.</summary>
        public int MaxRecordBytes { get; init; } = DefaultMaxRecordBytes;

        /// <summary>When this many rows in a row could not be read before any could, the file is given up on.</summary>
        public int GiveUpAfterBadRows { get; init; } = 1000;

        /// <summary>How many rows of ambiguous dates may wait for a row that tells the date order.</summary>
        public int MaxPendingAmbiguousRows { get; init; } = 10_000;
    }
}
