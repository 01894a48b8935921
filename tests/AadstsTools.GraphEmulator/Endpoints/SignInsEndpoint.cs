using System.Text.Json;
using AadstsTools.GraphEmulator.Errors;
using AadstsTools.GraphEmulator.OData;
using AadstsTools.GraphEmulator.Routing;
using AadstsTools.GraphEmulator.State;

namespace AadstsTools.GraphEmulator.Endpoints;

/// <summary>
/// GET /auditLogs/signIns (newest first, pages of up to 1,000) and /auditLogs/signIns/{id}. Filters: createdDateTime
/// ranges, userId, userPrincipalName (eq, startsWith; compared exactly against the lowercase stored value),
/// status/errorCode eq/ne, appId, ipAddress, correlationId and a few more, joined with and/or and parentheses.
/// A userId filter or a time range is answered from an index; the rest is scanned.
/// </summary>
internal sealed class SignInsEndpoint
{
    private const FilterOperations EqNe = FilterOperations.Eq | FilterOperations.Ne;

    private static readonly CollectionRules Rules = new(1000, 1000, new[] { "$filter", "$top", "$orderby" }, "createdDateTime desc");

    private static readonly FilterSchema<EmulatorSignIn> Filter = new("signIn", new Dictionary<string, FilterField<EmulatorSignIn>>
    {
        ["id"] = new(s => s.Id, FilterValueKind.String, FilterOperations.Eq),
        ["createdDateTime"] = new(s => s.CreatedDateTime, FilterValueKind.DateTime, FilterOperations.Eq | FilterOperations.Range),
        ["userId"] = new(s => s.UserId, FilterValueKind.String, EqNe),
        ["userPrincipalName"] = new(s => s.UserPrincipalName, FilterValueKind.String, EqNe | FilterOperations.StartsWith, Comparison: StringComparison.Ordinal),
        ["userDisplayName"] = new(s => s.UserDisplayName, FilterValueKind.String, EqNe | FilterOperations.StartsWith),
        ["appId"] = new(s => s.AppId, FilterValueKind.String, EqNe),
        ["appDisplayName"] = new(s => s.AppDisplayName, FilterValueKind.String, EqNe | FilterOperations.StartsWith),
        ["ipAddress"] = new(s => s.IpAddress, FilterValueKind.String, EqNe | FilterOperations.StartsWith),
        ["correlationId"] = new(s => s.CorrelationId, FilterValueKind.String, FilterOperations.Eq),
        ["clientAppUsed"] = new(s => s.ClientAppUsed, FilterValueKind.String, EqNe),
        ["conditionalAccessStatus"] = new(s => s.ConditionalAccessStatus, FilterValueKind.String, EqNe),
        ["isInteractive"] = new(s => s.IsInteractive, FilterValueKind.Boolean, FilterOperations.Eq),
        ["status/errorCode"] = new(s => s.ErrorCode, FilterValueKind.Integer, EqNe),
        ["location/city"] = new(s => s.City, FilterValueKind.String, EqNe | FilterOperations.StartsWith),
        ["location/countryOrRegion"] = new(s => s.CountryOrRegion, FilterValueKind.String, EqNe | FilterOperations.StartsWith),
    });

    private readonly EmulatorContext context;

    public SignInsEndpoint(EmulatorContext context)
    {
        this.context = context;
    }

    public GraphResponse Get(GraphRequest request, string id)
    {
        context.RequireReportAccess();
        Responses.RequireNoQueryOptions(request);

        var signIn = context.Tenant.Index.SignInsById.GetValueOrDefault(id) ?? throw GraphErrors.NotFound(id);
        var body = JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", context.Context("auditLogs/signIns/$entity"));
            WriteProperties(w, signIn);
            w.WriteEndObject();
        });
        return GraphResponse.Json(200, body);
    }

    public GraphResponse List(GraphRequest request)
    {
        context.RequireReportAccess();
        var query = CollectionQuery.Parse(request, Rules, _ => throw GraphErrors.UnsupportedQuery("$select is not supported on /auditLogs/signIns."));
        var index = context.Tenant.Index;
        IReadOnlyList<EmulatorSignIn> matches = index.SignIns;
        if (query.Filter is { } filter)
        {
            var predicate = Filter.Compile(filter, advancedQuery: false);
            matches = Candidates(index, filter).Where(predicate).ToArray();
        }

        var (page, nextLink) = query.Page(matches, context.BaseUrl);
        return Responses.Collection(context.Context("auditLogs/signIns"), page, nextLink, null, (w, signIn) =>
        {
            w.WriteStartObject();
            WriteProperties(w, signIn);
            w.WriteEndObject();
        });
    }

    /// <summary>Sign-ins an index narrows the filter to, newest first: the users' own lists, or the time range.</summary>
    private static IEnumerable<EmulatorSignIn> Candidates(TenantIndex index, FilterNode filter)
    {
        if (FilterHints.EqualValues(filter, "userId") is { } userIds)
        {
            return userIds
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .SelectMany(id => index.SignInsByUserId.GetValueOrDefault(id) ?? Array.Empty<EmulatorSignIn>())
                .OrderBy(s => s, TenantIndex.NewestFirst.Instance);
        }

        var (from, to) = FilterHints.DateRange(filter, "createdDateTime");
        if (from is null && to is null)
        {
            return index.SignIns;
        }

        // Newest first: the range starts at the first event not newer than "to" and ends after the last not older than "from".
        var signIns = index.SignIns;
        var start = to is { } upper ? FirstIndex(signIns, s => s.CreatedDateTime <= upper) : 0;
        var end = from is { } lower ? FirstIndex(signIns, s => s.CreatedDateTime < lower) : signIns.Length;
        return new ArraySegment<EmulatorSignIn>(signIns, start, Math.Max(0, end - start));
    }

    /// <summary>The first position where <paramref name="isPast"/> holds, given it holds from some position on.</summary>
    private static int FirstIndex(EmulatorSignIn[] signIns, Func<EmulatorSignIn, bool> isPast)
    {
        int low = 0, high = signIns.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (isPast(signIns[middle]))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    private static void WriteProperties(Utf8JsonWriter w, EmulatorSignIn s)
    {
        w.WriteString("id", s.Id);
        w.WriteString("createdDateTime", JsonBody.Date(s.CreatedDateTime));
        w.WriteString("userDisplayName", s.UserDisplayName);
        w.WriteString("userPrincipalName", s.UserPrincipalName);
        w.WriteString("userId", s.UserId);
        w.WriteString("appId", s.AppId);
        w.WriteString("appDisplayName", s.AppDisplayName);
        w.WriteString("ipAddress", s.IpAddress);
        w.WriteString("clientAppUsed", s.ClientAppUsed);
        w.WriteString("correlationId", s.CorrelationId);
        w.WriteString("conditionalAccessStatus", s.ConditionalAccessStatus);
        w.WriteBoolean("isInteractive", s.IsInteractive);
        w.WriteString("riskDetail", "none");
        w.WriteString("riskLevelAggregated", "none");
        w.WriteString("riskLevelDuringSignIn", "none");
        w.WriteString("riskState", "none");
        w.WriteStringArray("riskEventTypes", Array.Empty<string>());
        w.WriteStringArray("riskEventTypes_v2", Array.Empty<string>());
        w.WriteString("resourceDisplayName", "Microsoft Graph");
        w.WriteString("resourceId", "00000003-0000-0000-c000-000000000000");
        w.WriteStartObject("status");
        w.WriteNumber("errorCode", s.ErrorCode);
        w.WriteString("failureReason", s.FailureReason ?? (s.ErrorCode == 0 ? "Other." : null));
        w.WriteString("additionalDetails", s.AdditionalDetails);
        w.WriteEndObject();
        w.WriteStartObject("deviceDetail");
        w.WriteString("deviceId", string.Empty);
        w.WriteString("displayName", string.Empty);
        w.WriteString("operatingSystem", "Windows10");
        w.WriteString("browser", "Edge 124.0.0");
        w.WriteBoolean("isCompliant", false);
        w.WriteBoolean("isManaged", false);
        w.WriteString("trustType", string.Empty);
        w.WriteEndObject();
        w.WriteStartObject("location");
        w.WriteString("city", s.City);
        w.WriteString("state", s.State);
        w.WriteString("countryOrRegion", s.CountryOrRegion);
        w.WriteStartObject("geoCoordinates");
        w.WriteNull("altitude");
        w.WriteNull("latitude");
        w.WriteNull("longitude");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("appliedConditionalAccessPolicies");
        w.WriteEndArray();
    }
}
