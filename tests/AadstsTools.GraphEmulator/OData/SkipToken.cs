using System.Text;
using AadstsTools.GraphEmulator.Errors;
using Microsoft.AspNetCore.WebUtilities;

namespace AadstsTools.GraphEmulator.OData;

/// <summary>
/// The opaque <c>$skiptoken</c> of a nextLink: the offset of the next page and a fingerprint of the query it belongs
/// to, so a token replayed against another query is refused instead of paging wrongly.
/// </summary>
internal static class SkipToken
{
    private const string Prefix = "emu1";

    public static string Create(int offset, string fingerprint) =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"{Prefix}:{offset}:{fingerprint}"));

    public static int ReadOffset(string token, string fingerprint)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token)).Split(':');
            if (parts.Length == 3 && parts[0] == Prefix && parts[2] == fingerprint && int.TryParse(parts[1], out var offset) && offset >= 0)
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Falls through to the refusal below.
        }

        throw GraphErrors.InvalidRequest("The $skiptoken is not valid for this query; follow @odata.nextLink as returned.");
    }

    /// <summary>A stable hash (FNV-1a) of the path and the query options other than $skiptoken.</summary>
    public static string Fingerprint(string path, IEnumerable<KeyValuePair<string, string>> options)
    {
        var text = path.ToLowerInvariant() + "?" + string.Join("&", options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => o.Key + "=" + o.Value));
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash.ToString("x8");
    }
}
