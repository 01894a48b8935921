using System.Globalization;
using System.Text;
using System.Text.Json;
using AadstsTools.SignIns;
using CsvHelper;
using CsvHelper.Configuration;

namespace AadstsTools.TestData;

/// <summary>
/// Invented sign-in logs of an invented tenant (contoso.example), reproducible from a seed: the samples under
/// examples/, the tests' fixtures and the benchmark's 100,000 rows. Addresses come from the ranges kept
/// for documentation and benchmarking (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 198.18.0.0/15).
/// </summary>
public static class SyntheticSignInLog
{
    public const int Seed = 20261120;

    /// <summary>The sample's window: the 48 hours before this.</summary>
    public static readonly DateTimeOffset WindowEnd = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public const int WindowHours = 48;

    /// <summary>The spray: one address trying one password on many accounts, 08:00–09:00 on the last morning.</summary>
    public const string SprayIp = "203.0.113.77";

    public static readonly DateTimeOffset SprayHour = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    public const int SprayAccounts = 60;

    /// <summary>The account the spray got into (one success from the spray address).</summary>
    public const string SprayVictim = "pat.lee@contoso.example";

    /// <summary>The connector with stale credentials: a scanner that mails as its users with their old passwords.</summary>
    public const string StaleApp = "Contoso Scan-to-Mail";

    public const string StaleIp = "198.51.100.20";

    public const int StaleAccounts = 6;

    /// <summary>Accounts brute-forced into smart lockout from 192.0.2.0/24.</summary>
    public static readonly string[] LockedOutUsers = { "alex.kim@contoso.example", "jo.garcia@contoso.example", "sam.taylor@contoso.example" };

    public const int LockoutsPerUser = 3;

    /// <summary>Codes the Status column calls "Interrupted".</summary>
    public static readonly HashSet<int> InterruptCodes = new() { 50140, 50058, 50074, 50072, 50125, 50199 };

    private static readonly string[] FirstNames = { "alex", "jo", "sam", "pat", "kim", "lee", "chris", "robin", "dana", "morgan", "casey", "jamie", "taylor", "jordan", "avery", "riley", "quinn", "drew", "sky", "noa" };

    private static readonly string[] LastNames = { "kim", "garcia", "taylor", "lee", "smith", "jones", "brown", "miller", "davis", "wilson" };

    private static readonly (string Name, string Id, string Resource, string ResourceId, int Weight)[] Apps =
    {
        ("Microsoft Teams", "1fec8e78-bce4-4aaf-ab1b-5451cc387264", "Microsoft Teams Services", "cc15fd57-2c6c-4117-a88c-83b1d56b4bbe", 30),
        ("Office 365 Exchange Online", "00000002-0000-0ff1-ce00-000000000000", "Office 365 Exchange Online", "00000002-0000-0ff1-ce00-000000000000", 25),
        ("Office 365 SharePoint Online", "00000003-0000-0ff1-ce00-000000000000", "Office 365 SharePoint Online", "00000003-0000-0ff1-ce00-000000000000", 20),
        ("Microsoft Office", "d3590ed6-52b3-4102-aeff-aad2292ab01c", "Microsoft Graph", "00000003-0000-0000-c000-000000000000", 15),
        ("Azure Portal", "c44b4083-3bb0-49c1-b47d-974e53cbdf3c", "Windows Azure Service Management API", "797f4846-ba00-4fd7-ba43-dac1f8f63013", 5),
        ("Contoso Payroll", "5b1f3c9e-7a2d-4e8f-9c61-0d4e2a7b8c13", "Contoso Payroll", "5b1f3c9e-7a2d-4e8f-9c61-0d4e2a7b8c13", 5),
    };

    private static readonly (string City, string State, string Country)[] Places =
    {
        ("Seattle", "Washington", "US"), ("Redmond", "Washington", "US"), ("Dublin", "Dublin", "IE"),
        ("London", "England", "GB"), ("Sydney", "New South Wales", "AU"), ("Toronto", "Ontario", "CA"),
    };

    /// <summary>Baseline outcomes: code and weight (per mille).</summary>
    private static readonly (int Code, int Weight)[] Outcomes =
    {
        (0, 800), (50140, 60), (50058, 30), (50074, 30), (50126, 25), (50076, 15), (53003, 10), (500121, 20), (50055, 5), (50057, 5),
    };

    private static readonly Dictionary<int, string> Reasons = new()
    {
        [0] = "Other.",
        [50126] = "Error validating credentials due to invalid username or password.",
        [50053] = "Account is locked because the user tried to sign in too many times with an incorrect user ID or password.",
        [50140] = "This occurred due to 'Keep me signed in' interrupt when the user was signing in.",
        [50058] = "Session information is not sufficient for single-sign-on.",
        [50074] = "Strong Authentication is required.",
        [50076] = "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access.",
        [53003] = "Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.",
        [500121] = "Authentication failed during strong authentication request.\nThe user did not approve the notification in time.",
        [50055] = "The password is expired.",
        [50057] = "The user account is disabled.",
        [7000215] = "Invalid client secret provided.",
        [7000222] = "The provided client secret keys are expired.",
        [700016] = "Application not found in the directory.",
    };

    /// <summary>The users of the invented tenant.</summary>
    public static IReadOnlyList<string> Users { get; } = FirstNames.SelectMany(f => LastNames.Select(l => $"{f}.{l}@contoso.example")).ToList();

    /// <summary>The sample: ~2,000 interactive sign-ins over 48 hours with a spray, a stale connector, lockouts and benign interrupts; newest first, as the portal writes them.</summary>
    public static IReadOnlyList<SyntheticSignIn> Scenario(int seed = Seed)
    {
        var random = new Random(seed);
        var events = new List<SyntheticSignIn>();
        DateTimeOffset start = WindowEnd.AddHours(-WindowHours);
        for (int hour = 0; hour < WindowHours; hour++)
        {
            DateTimeOffset from = start.AddHours(hour);
            bool workingHours = from.Hour is >= 7 and < 19;
            int count = (workingHours ? 50 : 15) + random.Next(10);
            for (int i = 0; i < count; i++)
            {
                events.Add(Baseline(random, from.AddSeconds(random.Next(3600))));
            }
        }

        // The stale connector: every hour of the last day, each of its accounts fails once.
        var staleUsers = Users.Skip(100).Take(StaleAccounts).ToList();
        for (int hour = 0; hour < 24; hour++)
        {
            foreach (string user in staleUsers)
            {
                events.Add(Make(random, WindowEnd.AddHours(-24 + hour).AddMinutes(random.Next(60)), user, 50126) with
                {
                    AppDisplayName = StaleApp,
                    AppId = "8d2f6a41-3c7e-4b59-a1e0-6f9b2c4d7e85",
                    IpAddress = StaleIp,
                    City = "Seattle", State = "Washington", Country = "US",
                    ClientApp = "Authenticated SMTP",
                    Browser = string.Empty, OperatingSystem = string.Empty, UserAgent = "BOT/0.1 (BOT for SMTP relay)",
                    Interactive = true,
                });
            }
        }

        // The spray: one try on each of 60 accounts, one of which works.
        var sprayed = Users.Where(u => !staleUsers.Contains(u) && !LockedOutUsers.Contains(u)).OrderBy(_ => random.Next()).Take(SprayAccounts).ToList();
        foreach (string user in sprayed)
        {
            events.Add(Sprayed(random, user, 50126));
        }

        events.Add(Sprayed(random, SprayVictim, 0));

        // Brute force into lockout: twelve wrong passwords, then five lockouts, per account.
        for (int u = 0; u < LockedOutUsers.Length; u++)
        {
            DateTimeOffset at = new DateTimeOffset(2026, 11, 19, 14, 0, 0, TimeSpan.Zero).AddMinutes(u * 25);
            string ip = "192.0.2." + (10 + u).ToString(CultureInfo.InvariantCulture);
            for (int i = 0; i < 12 + LockoutsPerUser; i++)
            {
                events.Add(Make(random, at.AddMinutes(i * 2), LockedOutUsers[u], i < 12 ? 50126 : 50053) with
                {
                    IpAddress = ip, City = "Bucharest", State = "Bucuresti", Country = "RO", ClientApp = "Mobile Apps and Desktop clients",
                });
            }
        }

        return events.OrderByDescending(e => e.Time).ThenBy(e => e.RequestId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Plain traffic for volume: <paramref name="count"/> sign-ins over 30 days, newest first.</summary>
    public static IEnumerable<SyntheticSignIn> Volume(int count, int seed = Seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            yield return Baseline(random, WindowEnd.AddSeconds(-(long)i * 30 * 24 * 3600 / Math.Max(count, 1)));
        }
    }

    /// <summary>A few sign-ins of one log type (application and managed-identity ones are service principals).</summary>
    public static IReadOnlyList<SyntheticSignIn> OfType(SignInLogType type, int count, int seed = Seed)
    {
        var random = new Random(seed);
        var list = new List<SyntheticSignIn>();
        for (int i = 0; i < count; i++)
        {
            DateTimeOffset at = WindowEnd.AddMinutes(-7 * i);
            SyntheticSignIn signIn = Baseline(random, at);
            if (type is SignInLogType.ServicePrincipal or SignInLogType.ManagedIdentity)
            {
                int code = i % 3 == 0 ? (type == SignInLogType.ServicePrincipal ? 7000215 : 0) : 0;
                signIn = signIn with
                {
                    UserId = null, UserDisplayName = null, UserPrincipalName = null,
                    ServicePrincipalId = Guid(random).ToString(),
                    ServicePrincipalName = type == SignInLogType.ServicePrincipal ? "Contoso Nightly Export" : "contoso-func-prod",
                    AppDisplayName = type == SignInLogType.ServicePrincipal ? "Contoso Nightly Export" : "contoso-func-prod",
                    ErrorCode = code, FailureReason = Reasons[code], ClientApp = string.Empty, Interactive = false,
                };
            }
            else
            {
                signIn = signIn with { Interactive = type == SignInLogType.Interactive };
            }

            list.Add(signIn);
        }

        return list;
    }

    private static SyntheticSignIn Baseline(Random random, DateTimeOffset at)
    {
        string user = Users[random.Next(Users.Count)];
        int roll = random.Next(1000);
        int code = 0;
        foreach (var (candidate, weight) in Outcomes)
        {
            if (roll < weight)
            {
                code = candidate;
                break;
            }

            roll -= weight;
        }

        return Make(random, at, user, code);
    }

    private static SyntheticSignIn Sprayed(Random random, string user, int code) =>
        Make(random, SprayHour.AddSeconds(300 + random.Next(3000)), user, code) with
        {
            AppDisplayName = "Azure Active Directory PowerShell",
            AppId = "1b730954-1685-4b74-9bfd-dac224a7b894",
            IpAddress = SprayIp,
            City = "Amsterdam", State = "Noord-Holland", Country = "NL",
            ClientApp = "Mobile Apps and Desktop clients",
            UserAgent = "python-requests/2.32.3",
            Browser = "Python Requests 2.32", OperatingSystem = "Linux",
        };

    private static SyntheticSignIn Make(Random random, DateTimeOffset at, string user, int code)
    {
        int userIndex = Math.Max(0, IndexOf(user));
        var app = PickApp(random);
        var place = Places[userIndex % Places.Length];
        string name = user.Split('@')[0];
        string display = string.Join(" ", name.Split('.').Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
        return new SyntheticSignIn
        {
            Time = at,
            RequestId = Guid(random).ToString(),
            CorrelationId = Guid(random).ToString(),
            UserId = UserGuid(userIndex),
            UserDisplayName = display,
            UserPrincipalName = user,
            AppDisplayName = app.Name,
            AppId = app.Id,
            ResourceDisplayName = app.Resource,
            ResourceId = app.ResourceId,
            IpAddress = $"198.18.{userIndex / 200}.{userIndex % 200 + 1}",
            City = place.City,
            State = place.State,
            Country = place.Country,
            ClientApp = random.Next(3) == 0 ? "Mobile Apps and Desktop clients" : "Browser",
            ErrorCode = code,
            FailureReason = Reasons[code],
            ConditionalAccess = code == 53003 ? "Failure" : code == 0 && random.Next(2) == 0 ? "Success" : "Not Applied",
        };
    }

    private static (string Name, string Id, string Resource, string ResourceId, int Weight) PickApp(Random random)
    {
        int roll = random.Next(Apps.Sum(a => a.Weight));
        foreach (var app in Apps)
        {
            if (roll < app.Weight)
            {
                return app;
            }

            roll -= app.Weight;
        }

        return Apps[0];
    }

    private static int IndexOf(string user)
    {
        for (int i = 0; i < Users.Count; i++)
        {
            if (Users[i] == user)
            {
                return i;
            }
        }

        return -1;
    }

    private static string UserGuid(int index) => $"{index + 1:x8}-0000-4000-8000-00000000c0de";

    private static Guid Guid(Random random)
    {
        byte[] bytes = new byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    // ---- Writers -----------------------------------------------------------------------------------

    /// <summary>The interactive and non-interactive download's columns, as the portal writes them (trailing spaces, doubled spaces, a name twice).</summary>
    public static readonly string[] UserColumns =
    {
        "Date (UTC)", "Request ID", "User agent", "Correlation ID", "User ID", "User", "Username", "User type", "Cross tenant access type",
        "Incoming token type", "Authentication Protocol", "Unique token identifier", "Original transfer method", "Client credential type",
        "Token Protection - Sign In Session", "Token Protection - Sign In Session StatusCode", "Application", "Application ID ",
        "App owner tenant ID", "Resource", "Resource ID ", "Resource tenant ID", "Resource owner tenant ID", "Home tenant ID",
        "Home tenant name", "IP address", "Location", "Status", "Sign-in error code", "Failure reason", "Client app", "Device ID",
        "Browser", "Operating System", "Compliant", "Managed", "Join Type", "Multifactor authentication result",
        "Multifactor authentication auth method", "Multifactor authentication auth detail", "Authentication requirement",
        "Sign-in identifier", "Session ID", "IP address (seen by resource)", "Through Global Secure Access",
        "Global Secure Access IP address", "Autonomous system  number", "Flagged for review", "Token issuer type",
        "Incoming token type", "Token issuer name", "Latency", "Conditional Access", "Managed Identity type",
        "Associated Resource Id", "Federated Token Id", "Federated Token Issuer",
    };

    /// <summary>The application (service principal) download's columns.</summary>
    public static readonly string[] ServicePrincipalColumns =
    {
        "Date (UTC)", "Request ID", "Correlation ID", "Service principal ID", "Service principal name", "Credential key ID",
        "Credential thumbprint", "Application", "Application ID ", "App owner tenant ID", "Resource", "Resource ID ",
        "Resource tenant ID", "Resource owner tenant ID", "Home tenant ID", "Home tenant name", "IP address", "Location", "Status",
        "Sign-in error code", "Failure reason", "Conditional Access",
    };

    /// <summary>The managed-identity download's columns (the application ones with the identity's type and resource).</summary>
    public static readonly string[] ManagedIdentityColumns = ServicePrincipalColumns.Concat(new[] { "Managed Identity type", "Associated Resource Id" }).ToArray();

    private const string TenantId = "7c1e4d2a-5b3f-4e6a-9d8c-2f1b0a3e4c5d";

    /// <summary>How a CSV is written: the portal's way by default; other settings imitate a spreadsheet's re-save.</summary>
    public sealed record CsvStyle
    {
        public static CsvStyle Portal { get; } = new();

        public string Delimiter { get; init; } = ",";

        /// <summary>A .NET format for Date (UTC) with <see cref="DateCulture"/>; null for the portal's ISO 8601.</summary>
        public string? DateFormat { get; init; }

        public CultureInfo DateCulture { get; init; } = CultureInfo.InvariantCulture;

        public Encoding Encoding { get; init; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
    }

    public static string[] ColumnsOf(SignInLogType type) => type switch
    {
        SignInLogType.ServicePrincipal => ServicePrincipalColumns,
        SignInLogType.ManagedIdentity => ManagedIdentityColumns,
        _ => UserColumns,
    };

    public static void WriteCsv(Stream stream, IEnumerable<SyntheticSignIn> signIns, SignInLogType type, CsvStyle? style = null)
    {
        style ??= CsvStyle.Portal;
        using var writer = new StreamWriter(stream, style.Encoding, 64 * 1024, leaveOpen: true);
        using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = style.Delimiter });
        string[] columns = ColumnsOf(type);
        foreach (string column in columns)
        {
            csv.WriteField(column, shouldQuote: false);
        }

        csv.NextRecord();
        foreach (SyntheticSignIn s in signIns)
        {
            foreach (string column in columns)
            {
                csv.WriteField(CsvValue(s, column, style));
            }

            csv.NextRecord();
        }
    }

    public static void WriteCsv(string path, IEnumerable<SyntheticSignIn> signIns, SignInLogType type, CsvStyle? style = null)
    {
        using var stream = File.Create(path);
        WriteCsv(stream, signIns, type, style);
    }

    private static string CsvValue(SyntheticSignIn s, string column, CsvStyle style) => column switch
    {
        "Date (UTC)" => style.DateFormat == null ? s.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : s.Time.UtcDateTime.ToString(style.DateFormat, style.DateCulture),
        "Request ID" => s.RequestId,
        "User agent" => s.UserAgent,
        "Correlation ID" => s.CorrelationId,
        "User ID" => s.UserId ?? string.Empty,
        "User" => s.UserDisplayName ?? string.Empty,
        "Username" => s.UserPrincipalName ?? string.Empty,
        "User type" => "Member",
        "Cross tenant access type" => "None",
        "Incoming token type" => "None",
        "Authentication Protocol" => "None",
        "Service principal ID" => s.ServicePrincipalId ?? string.Empty,
        "Service principal name" => s.ServicePrincipalName ?? string.Empty,
        "Application" => s.AppDisplayName,
        "Application ID " => s.AppId,
        "Resource" => s.ResourceDisplayName,
        "Resource ID " => s.ResourceId,
        "Resource tenant ID" or "Home tenant ID" => TenantId,
        "Home tenant name" => "Contoso",
        "IP address" => s.IpAddress,
        "Location" => $"{s.City}, {s.State}, {s.Country}",
        "Status" => s.Status,
        "Sign-in error code" => s.ErrorCode.ToString(CultureInfo.InvariantCulture),
        "Failure reason" => s.FailureReason,
        "Client app" => s.ClientApp,
        "Browser" => s.Browser,
        "Operating System" => s.OperatingSystem,
        "Compliant" or "Managed" or "Flagged for review" or "Through Global Secure Access" => "False",
        "Authentication requirement" => "Single-factor authentication",
        "Sign-in identifier" => s.UserPrincipalName ?? string.Empty,
        "Token issuer type" => "AzureAD",
        "Latency" => "112",
        "Conditional Access" => s.ConditionalAccess,
        "Managed Identity type" => s.ServicePrincipalId != null && s.UserId == null && s.ServicePrincipalName == "contoso-func-prod" ? "SystemAssigned" : string.Empty,
        _ => string.Empty,
    };

    /// <summary>The portal's JSON download: an array of records with Graph's camelCase names, one record per line.</summary>
    public static void WriteJson(Stream stream, IEnumerable<SyntheticSignIn> signIns, SignInLogType type)
    {
        stream.WriteByte((byte)'[');
        bool first = true;
        foreach (SyntheticSignIn s in signIns)
        {
            stream.Write(Encoding.UTF8.GetBytes(first ? "\n" : ",\n"));
            first = false;
            using var writer = new Utf8JsonWriter(stream);
            WriteRecord(writer, s, type);
        }

        stream.Write(Encoding.UTF8.GetBytes("\n]\n"));
    }

    public static void WriteJson(string path, IEnumerable<SyntheticSignIn> signIns, SignInLogType type)
    {
        using var stream = File.Create(path);
        WriteJson(stream, signIns, type);
    }

    private static void WriteRecord(Utf8JsonWriter w, SyntheticSignIn s, SignInLogType type)
    {
        w.WriteStartObject();
        w.WriteString("id", s.RequestId);
        w.WriteString("createdDateTime", s.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        w.WriteString("userDisplayName", s.UserDisplayName);
        w.WriteString("userPrincipalName", s.UserPrincipalName);
        w.WriteString("userId", s.UserId);
        w.WriteString("appId", s.AppId);
        w.WriteString("appDisplayName", s.AppDisplayName);
        w.WriteString("ipAddress", s.IpAddress);
        w.WriteString("clientAppUsed", s.ClientApp);
        w.WriteString("correlationId", s.CorrelationId);
        w.WriteString("conditionalAccessStatus", s.ConditionalAccess switch { "Success" => "success", "Failure" => "failure", _ => "notApplied" });
        w.WriteBoolean("isInteractive", s.Interactive);
        w.WriteString("riskDetail", "none");
        w.WriteString("resourceDisplayName", s.ResourceDisplayName);
        w.WriteString("resourceId", s.ResourceId);
        w.WriteString("authenticationRequirement", "singleFactorAuthentication");
        w.WriteString("userType", s.UserId == null ? null : "member");
        w.WriteStartArray("signInEventTypes");
        w.WriteStringValue(type switch
        {
            SignInLogType.NonInteractive => "nonInteractiveUser",
            SignInLogType.ServicePrincipal => "servicePrincipal",
            SignInLogType.ManagedIdentity => "managedIdentity",
            _ => "interactiveUser",
        });
        w.WriteEndArray();
        w.WriteString("servicePrincipalId", s.ServicePrincipalId ?? string.Empty);
        w.WriteString("servicePrincipalName", s.ServicePrincipalName);
        w.WriteStartObject("status");
        w.WriteNumber("errorCode", s.ErrorCode);
        w.WriteString("failureReason", s.FailureReason);
        w.WriteString("additionalDetails", s.AdditionalDetails);
        w.WriteEndObject();
        w.WriteStartObject("deviceDetail");
        w.WriteString("operatingSystem", s.OperatingSystem);
        w.WriteString("browser", s.Browser);
        w.WriteBoolean("isCompliant", false);
        w.WriteBoolean("isManaged", false);
        w.WriteEndObject();
        w.WriteStartObject("location");
        w.WriteString("city", s.City);
        w.WriteString("state", s.State);
        w.WriteString("countryOrRegion", s.Country);
        w.WriteEndObject();
        w.WriteStartArray("appliedConditionalAccessPolicies");
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
    }
}
