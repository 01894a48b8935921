namespace AadstsTools.Readiness
{
    /// <summary>The checks Test-UserSignInReadiness runs (-Check picks some).</summary>
    public enum ReadinessCheck
    {
        /// <summary>The account exists (missing → AADSTS50034).</summary>
        Exists,

        /// <summary>The account is enabled (disabled → AADSTS50057).</summary>
        Enabled,

        /// <summary>Member or guest (B2B guests sign in with their home tenant's credentials).</summary>
        UserType,

        /// <summary>The password has not expired under the domain's policy (expired → AADSTS50055).</summary>
        PasswordExpiry,

        /// <summary>A password change is forced at the next sign-in.</summary>
        ForcedPasswordChange,

        /// <summary>Synced from on-premises AD, and how recently.</summary>
        OnPremisesSync,

        /// <summary>The UPN's domain is federated (the password lives on-premises; expiry shows as AADSTS50144).</summary>
        Federation,

        /// <summary>Registered and enabled for self-service password reset (not registered → AADSTS50125 interrupts).</summary>
        SsprRegistration,

        /// <summary>Registered for MFA (not registered → AADSTS50072/50079 interrupts).</summary>
        MfaRegistration,

        /// <summary>Failed sign-ins in the window: lockouts, stale passwords, revoked sessions.</summary>
        RecentFailures,
    }

    /// <summary>How one check came out.</summary>
    public enum CheckStatus
    {
        Pass,
        Warning,
        Fail,

        /// <summary>Not run: not applicable, or a permission or licence is missing (the detail says which).</summary>
        Skipped,

        /// <summary>Could not be decided: Graph failed for another reason (the detail has its message and request-id).</summary>
        Error,
    }

    /// <summary>One user's overall answer.</summary>
    public enum ReadinessVerdict
    {
        /// <summary>Every check that ran passed.</summary>
        Ready,

        /// <summary>Nothing blocks sign-in now, but something will soon or may (expiry near, not registered, repeated failures).</summary>
        AtRisk,

        /// <summary>Sign-in fails now (missing, disabled, expired, locked out).</summary>
        Blocked,

        /// <summary>A check could not be completed, so no verdict can be given (the failed check says why).</summary>
        Unknown,
    }
}
