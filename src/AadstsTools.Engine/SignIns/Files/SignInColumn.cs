namespace AadstsTools.SignIns.Files
{
    /// <summary>The download's columns this module reads.</summary>
    internal enum SignInColumn
    {
        Time,
        RequestId,
        CorrelationId,
        UserId,
        UserDisplayName,
        UserPrincipalName,
        ServicePrincipalId,
        ServicePrincipalName,
        AppDisplayName,
        AppId,
        IpAddress,
        Location,
        City,
        State,
        CountryOrRegion,
        Status,
        ErrorCode,
        FailureReason,
        AdditionalDetails,
        ClientApp,
        ConditionalAccess,
        IsInteractive,
        ManagedIdentityType,
    }
}
