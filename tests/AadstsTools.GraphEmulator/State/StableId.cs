using System.Security.Cryptography;
using System.Text;

namespace AadstsTools.GraphEmulator.State;

/// <summary>GUIDs derived from a text, so generated and fixture objects keep the same ids run after run.</summary>
internal static class StableId
{
    public static string From(string seed) => new Guid(MD5.HashData(Encoding.UTF8.GetBytes(seed))).ToString();
}
