namespace AadstsTools.Engine.Tests.TestSupport;

/// <summary>The reference lists shipped with the tests (copied from Microsoft's public error-code page).</summary>
public static class ReferenceData
{
    /// <summary>code → symbolic name (null when the page gives none), in the page's order.</summary>
    public static IReadOnlyList<(int Code, string? Name)> OfficialCodes() => ReadTsv("aadsts-codes.tsv");

    public static IReadOnlyList<(int Code, string? Name)> OlderNames() => ReadTsv("aadsts-codes-older-names.tsv");

    private static IReadOnlyList<(int Code, string? Name)> ReadTsv(string file) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Reference", file))
            .Where(line => line.Length > 0)
            .Select(line => line.Split('\t'))
            .Select(parts => (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null))
            .ToList();
}
