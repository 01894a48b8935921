namespace AadstsTools.Graph.Model
{
    /// <summary>One registered authentication method of a user (its kind, e.g. "phoneAuthenticationMethod").</summary>
    public sealed class AuthenticationMethodInfo
    {
        public AuthenticationMethodInfo(string id, string kind)
        {
            Id = id;
            Kind = kind;
        }

        public string Id { get; }

        /// <summary>The method's OData type without the namespace, e.g. passwordAuthenticationMethod.</summary>
        public string Kind { get; }

        /// <summary>True for methods that count for MFA and SSPR (everything but the password itself).</summary>
        public bool IsStrongMethod => Kind != "passwordAuthenticationMethod";

        public override string ToString() => Kind;
    }
}
