using System;

namespace AadstsTools.Graph.Model
{
    /// <summary>The user properties the module's checks need (our type: no Graph SDK type leaves the gateway).</summary>
    public sealed class DirectoryUser
    {
        public DirectoryUser(string id, string userPrincipalName)
        {
            Id = id;
            UserPrincipalName = userPrincipalName;
        }

        public string Id { get; }

        public string UserPrincipalName { get; }

        public string? DisplayName { get; init; }

        public string? GivenName { get; init; }

        public string? Surname { get; init; }

        public string? Mail { get; init; }

        public bool? AccountEnabled { get; init; }

        /// <summary>Member or Guest.</summary>
        public string? UserType { get; init; }

        /// <summary>e.g. "DisablePasswordExpiration, DisableStrongPassword", or "None".</summary>
        public string? PasswordPolicies { get; init; }

        public DateTimeOffset? LastPasswordChangeDateTime { get; init; }

        public DateTimeOffset? CreatedDateTime { get; init; }

        /// <summary>true: synced from on-premises now; false: was synced, no longer; null: never synced.</summary>
        public bool? OnPremisesSyncEnabled { get; init; }

        public DateTimeOffset? OnPremisesLastSyncDateTime { get; init; }

        public string? OnPremisesImmutableId { get; init; }

        public DateTimeOffset? SignInSessionsValidFromDateTime { get; init; }

        /// <summary>The pending forced change, when Graph returned passwordProfile.</summary>
        public bool? ForceChangePasswordNextSignIn { get; init; }

        public bool? ForceChangePasswordNextSignInWithMfa { get; init; }

        /// <summary>The UPN's domain suffix, lower case ("contoso.com").</summary>
        public string UpnDomain
        {
            get
            {
                int at = UserPrincipalName.LastIndexOf('@');
                return at < 0 ? string.Empty : UserPrincipalName.Substring(at + 1).ToLowerInvariant();
            }
        }

        /// <summary>True when passwordPolicies holds DisablePasswordExpiration.</summary>
        public bool PasswordNeverExpires => HasPolicy("DisablePasswordExpiration");

        public bool HasPolicy(string policy) => PasswordPolicies != null
            && Array.Exists(PasswordPolicies.Split(','), p => string.Equals(p.Trim(), policy, StringComparison.OrdinalIgnoreCase));

        public override string ToString() => UserPrincipalName;
    }
}
