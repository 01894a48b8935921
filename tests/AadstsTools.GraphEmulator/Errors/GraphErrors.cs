namespace AadstsTools.GraphEmulator.Errors;

/// <summary>
/// Graph's error codes and messages for the cases the emulator produces. Sources are in the emulator README; the
/// few marked "guess" in it are plausible Graph wording where no real sample was found.
/// </summary>
internal static class GraphErrors
{
    public static GraphException NotFound(string id) => new(404, "Request_ResourceNotFound",
        $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");

    public static GraphException SegmentNotFound(string segment) => new(400, "BadRequest",
        $"Resource not found for the segment '{segment}'.");

    public static GraphException MethodNotAllowed(string method) => new(405, "Request_BadRequest",
        $"The HTTP method '{method}' is not supported on this resource.");

    public static GraphException TokenMissing() => new(401, "InvalidAuthenticationToken", "Access token is empty.");

    public static GraphException TokenInvalid() => new(401, "InvalidAuthenticationToken", "Access token validation failure.");

    public static GraphException InsufficientPrivileges() => new(403, "Authorization_RequestDenied",
        "Insufficient privileges to complete the operation.");

    public static GraphException AuditLogPermissionMissing() => new(403, "Authentication_MSGraphPermissionMissing",
        "Calling principal does not have required MSGraph permissions AuditLog.Read.All");

    public static GraphException ReportRoleMissing() => new(403, "Authentication_RequestFromUnsupportedUserRole",
        "User is not in the allowed roles");

    public static GraphException NotPremium() => new(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
        "Neither tenant is B2C or tenant doesn't have premium license");

    public static GraphException AuthenticationMethodsDenied() => new(403, "accessDenied", "Request Authorization failed");

    public static GraphException PasswordComplexity() => new(400, "Request_BadRequest",
        "The specified password does not comply with password complexity requirements. Please provide a different password.");

    public static GraphException OnPremisesMastered() => new(400, "Request_BadRequest",
        "Unable to update the specified properties for on-premises mastered Directory Sync objects or objects currently undergoing migration.");

    public static GraphException Throttled(double retryAfterSeconds) => new(429, "TooManyRequests",
        "Please retry again later.", retryAfterSeconds);

    public static GraphException ServiceUnavailable(double? retryAfterSeconds) => new(503, "serviceNotAvailable",
        "The service is temporarily unavailable. Please retry after a delay.", retryAfterSeconds);

    public static GraphException GatewayTimeout(double? retryAfterSeconds) => new(504, "GatewayTimeout",
        "The request timed out.", retryAfterSeconds);

    public static GraphException UnsupportedQuery(string message) => new(400, "Request_UnsupportedQuery", message);

    public static GraphException BadRequest(string message) => new(400, "BadRequest", message);

    public static GraphException InvalidRequest(string message) => new(400, "Request_BadRequest", message);

    public static GraphException UnsupportedFilter(string property, string resource) => UnsupportedQuery(
        $"Unsupported or invalid query filter clause specified for property '{property}' of resource '{resource}'.");

    public static GraphException TooManyOrClauses(int count, int max) => UnsupportedQuery(
        $"Too many child clauses specified in search filter expression containing 'OR' operators: {count}. Max allowed: {max}.");

    public static GraphException InvalidPageSize(string value, int max) => UnsupportedQuery(
        $"Invalid page size specified: '{value}'. Must be between 1 and {max} inclusive.");

    public static GraphException UnknownProperty(string property, string type) => BadRequest(
        $"Could not find a property named '{property}' on type '{type}'.");

    /// <summary>The status's usual code, for targeted faults that give none.</summary>
    public static string DefaultCode(int status) => status switch
    {
        400 => "BadRequest",
        401 => "InvalidAuthenticationToken",
        403 => "Authorization_RequestDenied",
        404 => "Request_ResourceNotFound",
        429 => "TooManyRequests",
        500 => "Service_InternalServerError",
        502 => "BadGateway",
        503 => "serviceNotAvailable",
        504 => "GatewayTimeout",
        _ => "UnknownError",
    };

    public static string DefaultMessage(int status) => status switch
    {
        429 => "Please retry again later.",
        500 => "Encountered an internal server error.",
        503 => "The service is temporarily unavailable. Please retry after a delay.",
        504 => "The request timed out.",
        _ => $"The emulator was told to fail this request with status {status}.",
    };
}
