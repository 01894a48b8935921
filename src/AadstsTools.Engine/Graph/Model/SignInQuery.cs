using System;
using System.Collections.Generic;
using System.Globalization;

namespace AadstsTools.Graph.Model
{
    /// <summary>
    /// A filtered query of the sign-in log. Graph filters userId, userPrincipalName, appId, ipAddress and
    /// status/errorCode with "eq" only (no "ne 0"), so "failures only" is applied as the pages arrive.
    /// </summary>
    public sealed class SignInQuery
    {
        public SignInQuery(DateTimeOffset since) => Since = since;

        public DateTimeOffset Since { get; }

        public DateTimeOffset? Until { get; init; }

        public string? UserId { get; init; }

        public string? UserPrincipalName { get; init; }

        public string? AppId { get; init; }

        public string? AppDisplayName { get; init; }

        public string? IpAddress { get; init; }

        public int? ErrorCode { get; init; }

        /// <summary>Leave out successful sign-ins (done on our side: Graph can't filter "not 0").</summary>
        public bool FailuresOnly { get; init; }

        /// <summary>The page size; Graph's maximum (and default) is 1,000.</summary>
        public int PageSize { get; init; } = 1000;

        /// <summary>The $filter expression Graph gets.</summary>
        public string ToFilter()
        {
            var clauses = new List<string> { "createdDateTime ge " + Timestamp(Since) };
            if (Until.HasValue)
            {
                clauses.Add("createdDateTime le " + Timestamp(Until.Value));
            }

            if (!string.IsNullOrWhiteSpace(UserId))
            {
                clauses.Add("userId eq " + GraphDirectoryGateway.Quote(UserId!));
            }

            if (!string.IsNullOrWhiteSpace(UserPrincipalName))
            {
                // The log stores UPNs in lower case.
                clauses.Add("userPrincipalName eq " + GraphDirectoryGateway.Quote(UserPrincipalName!.ToLowerInvariant()));
            }

            if (!string.IsNullOrWhiteSpace(AppId))
            {
                clauses.Add("appId eq " + GraphDirectoryGateway.Quote(AppId!));
            }

            if (!string.IsNullOrWhiteSpace(AppDisplayName))
            {
                clauses.Add("appDisplayName eq " + GraphDirectoryGateway.Quote(AppDisplayName!));
            }

            if (!string.IsNullOrWhiteSpace(IpAddress))
            {
                clauses.Add("ipAddress eq " + GraphDirectoryGateway.Quote(IpAddress!));
            }

            if (ErrorCode.HasValue)
            {
                clauses.Add("status/errorCode eq " + ErrorCode.Value.ToString(CultureInfo.InvariantCulture));
            }

            return string.Join(" and ", clauses);
        }

        private static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
    }
}
