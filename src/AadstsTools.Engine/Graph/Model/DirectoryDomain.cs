namespace AadstsTools.Graph.Model
{
    /// <summary>A domain of the tenant and its password policy.</summary>
    public sealed class DirectoryDomain
    {
        /// <summary>The value scripts set for "passwords never expire".</summary>
        public const int NeverExpires = int.MaxValue;

        public DirectoryDomain(string id) => Id = id.ToLowerInvariant();

        /// <summary>The domain name, lower case.</summary>
        public string Id { get; }

        /// <summary>"Managed" or "Federated".</summary>
        public string? AuthenticationType { get; init; }

        public bool IsDefault { get; init; }

        public bool IsInitial { get; init; }

        public bool IsRoot { get; init; }

        public bool IsVerified { get; init; }

        /// <summary>Null when Graph returned no value (the policy is then ambiguous; see the expiry check).</summary>
        public int? PasswordValidityPeriodInDays { get; init; }

        public int? PasswordNotificationWindowInDays { get; init; }

        public bool IsFederated => string.Equals(AuthenticationType, "Federated", System.StringComparison.OrdinalIgnoreCase);

        public override string ToString() => Id;
    }
}
