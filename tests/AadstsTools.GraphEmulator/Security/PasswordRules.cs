namespace AadstsTools.GraphEmulator.Security;

/// <summary>
/// Entra's cloud password rules as the emulator enforces them on a passwordProfile update: 8–256 characters, three of
/// the four character classes, allowed characters only, and the banned-password score (normalise, find banned terms
/// and the user's names and the tenant name, one point per term found plus one per other character, at least five).
/// Fuzzy (edit-distance) matching is not emulated.
/// </summary>
internal static class PasswordRules
{
    public const int MinimumLength = 8;
    public const int MaximumLength = 256;
    private const int MinimumScore = 5;
    private const int MinimumNameLength = 3;

    /// <summary>Symbols Entra accepts (and the space).</summary>
    public const string Symbols = "@#$%^&*-_!+=[]{}|\\:',.?/`~\"();";

    private static readonly string[] GlobalBannedTerms =
    {
        "password", "welcome", "letmein", "qwerty", "abc123", "123456", "iloveyou", "admin", "monkey", "dragon",
        "football", "sunshine", "princess", "summer", "winter", "spring", "autumn", "microsoft", "office", "azure",
    };

    /// <summary>True when the password passes; names are the user's given name, surname, display name and UPN prefix.</summary>
    public static bool IsAcceptable(string password, bool strongPasswordRequired, IEnumerable<string?> userNames, string? tenantName)
    {
        if (password.Length < MinimumLength || password.Length > MaximumLength || !password.All(IsAllowed))
        {
            return false;
        }

        if (strongPasswordRequired && CountClasses(password) < 3)
        {
            return false;
        }

        var terms = GlobalBannedTerms
            .Concat(NameTerms(userNames.Append(tenantName)))
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(t => t.Length)
            .ToArray();
        return Score(Normalise(password), terms) >= MinimumScore;
    }

    public static bool IsAllowed(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or ' ' || Symbols.Contains(c, StringComparison.Ordinal);

    public static int CountClasses(string password)
    {
        var lower = password.Any(char.IsAsciiLetterLower);
        var upper = password.Any(char.IsAsciiLetterUpper);
        var digit = password.Any(char.IsAsciiDigit);
        var symbol = password.Any(c => !char.IsAsciiLetterOrDigit(c));
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }

    // Entra's documented substitutions before matching: 0→o, 1→l, $→s, @→a.
    private static string Normalise(string password) =>
        new(password.ToLowerInvariant().Select(c => c switch { '0' => 'o', '1' => 'l', '$' => 's', '@' => 'a', _ => c }).ToArray());

    private static IEnumerable<string> NameTerms(IEnumerable<string?> names) =>
        names
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .SelectMany(n => n!.Split(new[] { ' ', '.', '_', '-', '@' }, StringSplitOptions.RemoveEmptyEntries))
            .Select(Normalise)
            .Where(n => n.Length >= MinimumNameLength);

    private static int Score(string normalised, IReadOnlyList<string> terms)
    {
        var rest = normalised;
        var termsFound = 0;
        foreach (var term in terms)
        {
            int at;
            while ((at = rest.IndexOf(term, StringComparison.Ordinal)) >= 0)
            {
                rest = rest.Remove(at, term.Length);
                termsFound++;
            }
        }

        return termsFound + rest.Length;
    }
}
