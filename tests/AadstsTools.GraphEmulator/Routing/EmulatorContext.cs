using System.Collections.Concurrent;
using AadstsTools.GraphEmulator.Errors;
using AadstsTools.GraphEmulator.Faults;

namespace AadstsTools.GraphEmulator.Routing;

/// <summary>What every handler shares: the tenant, the options, the base URL for links and the request log.</summary>
internal sealed class EmulatorContext
{
    private readonly ConcurrentQueue<RecordedRequest> requests = new();

    public EmulatorContext(EmulatorTenant tenant, EmulatorOptions options)
    {
        Tenant = tenant;
        Options = options;
        Faults = new FaultInjector(options);
    }

    public EmulatorTenant Tenant { get; }

    public EmulatorOptions Options { get; }

    public FaultInjector Faults { get; }

    /// <summary>"http://127.0.0.1:PORT/v1.0", set once the server listens.</summary>
    public string BaseUrl { get; set; } = "http://127.0.0.1/v1.0";

    public IReadOnlyList<RecordedRequest> Requests => requests.ToArray();

    public void Record(GraphRequest request, int status) =>
        requests.Enqueue(new RecordedRequest(request.Method, request.Path, request.DecodedQuery, request.InBatch, status, request.Date));

    public void ClearRequests() => requests.Clear();

    public string Context(string fragment) => BaseUrl + "/$metadata#" + fragment;

    public void RequirePermission(IReadOnlyList<string> acceptable)
    {
        if (!Options.HasPermission(acceptable))
        {
            throw GraphErrors.InsufficientPrivileges();
        }
    }

    /// <summary>Registration report and sign-in logs: AuditLog.Read.All, a reader role for delegated callers, P1/P2.</summary>
    public void RequireReportAccess()
    {
        if (!Options.HasPermission(Security.GraphPermissions.ReadAuditLogs))
        {
            throw GraphErrors.AuditLogPermissionMissing();
        }

        if (!Options.AppOnly && !Options.HasRole(Security.DirectoryRoles.ReadReports))
        {
            throw GraphErrors.ReportRoleMissing();
        }

        if (!Options.TenantHasPremium)
        {
            throw GraphErrors.NotPremium();
        }
    }
}
