using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace AadstsTools.Connection
{
    /// <summary>
    /// What an access token says about the connection (tenant, account or app, scopes or roles, expiry),
    /// read from its payload without validating it: Graph validates it, we only describe it.
    /// </summary>
    public sealed class TokenClaims
    {
        private TokenClaims()
        {
        }

        public string? TenantId { get; private set; }

        /// <summary>The signed-in account (upn or preferred_username); null for app-only tokens.</summary>
        public string? Account { get; private set; }

        /// <summary>The client app's id (appid or azp).</summary>
        public string? AppId { get; private set; }

        public string? AppDisplayName { get; private set; }

        /// <summary>Delegated permissions (scp).</summary>
        public IReadOnlyList<string> Scopes { get; private set; } = Array.Empty<string>();

        /// <summary>Application permissions (roles).</summary>
        public IReadOnlyList<string> Roles { get; private set; } = Array.Empty<string>();

        public DateTimeOffset? ExpiresOn { get; private set; }

        /// <summary>True when the token carries application permissions and no user.</summary>
        public bool IsAppOnly => Scopes.Count == 0 && Account == null && (Roles.Count > 0 || AppId != null);

        /// <summary>The permissions the token grants, delegated or application.</summary>
        public IReadOnlyList<string> Permissions => Scopes.Count > 0 ? Scopes : Roles;

        /// <summary>Reads a JWT's claims; null when the text isn't a JWT (tokens for tests, opaque tokens).</summary>
        public static TokenClaims? TryRead(string? token)
        {
            if (string.IsNullOrWhiteSpace(token))
            {
                return null;
            }

            string[] parts = token!.Split('.');
            if (parts.Length != 3)
            {
                return null;
            }

            try
            {
                byte[] payload = FromBase64Url(parts[1]);
                using JsonDocument doc = JsonDocument.Parse(payload);
                JsonElement root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }

                return new TokenClaims
                {
                    TenantId = Text(root, "tid"),
                    Account = Text(root, "upn") ?? Text(root, "preferred_username") ?? Text(root, "unique_name"),
                    AppId = Text(root, "appid") ?? Text(root, "azp"),
                    AppDisplayName = Text(root, "app_displayname"),
                    Scopes = (Text(root, "scp") ?? string.Empty).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries),
                    Roles = root.TryGetProperty("roles", out JsonElement roles) && roles.ValueKind == JsonValueKind.Array
                        ? roles.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).ToArray()
                        : Array.Empty<string>(),
                    ExpiresOn = root.TryGetProperty("exp", out JsonElement exp) && exp.TryGetInt64(out long seconds)
                        ? DateTimeOffset.FromUnixTimeSeconds(seconds) : (DateTimeOffset?)null,
                };
            }
            catch (Exception ex) when (ex is FormatException || ex is JsonException || ex is ArgumentException)
            {
                return null;
            }
        }

        private static string? Text(JsonElement root, string name) =>
            root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static byte[] FromBase64Url(string text)
        {
            string base64 = text.Replace('-', '+').Replace('_', '/');
            base64 += new string('=', (4 - base64.Length % 4) % 4);
            return Convert.FromBase64String(base64);
        }

        /// <summary>For tests and diagnostics: an unsigned token with the given claims (never sent to Microsoft).</summary>
        public static string CreateUnsigned(IDictionary<string, object> claims)
        {
            string header = ToBase64Url(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"JWT\"}"));
            string payload = ToBase64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
            return header + "." + payload + ".";
        }

        private static string ToBase64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
