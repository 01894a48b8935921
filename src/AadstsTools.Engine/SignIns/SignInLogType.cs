namespace AadstsTools.SignIns
{
    /// <summary>Which of the Entra sign-in logs an event comes from.</summary>
    public enum SignInLogType
    {
        /// <summary>The log could not be told from the file name, the columns or the record.</summary>
        Unknown,

        /// <summary>A user signed in and was asked for something (password, MFA, consent).</summary>
        Interactive,

        /// <summary>A client signed in on the user's behalf without asking (token refresh, SSO).</summary>
        NonInteractive,

        /// <summary>An application signed in as itself (client credentials): the "application" or service principal log.</summary>
        ServicePrincipal,

        /// <summary>An Azure managed identity signed in.</summary>
        ManagedIdentity,
    }
}
