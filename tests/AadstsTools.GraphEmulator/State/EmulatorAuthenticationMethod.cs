namespace AadstsTools.GraphEmulator.State;

/// <summary>
/// One entry of /users/{id}/authentication/methods: its Graph type (e.g. "#microsoft.graph.phoneAuthenticationMethod"),
/// id and the type's other properties (strings, or null).
/// </summary>
public sealed record EmulatorAuthenticationMethod(string ODataType, string Id, IReadOnlyList<KeyValuePair<string, string?>> Properties)
{
    /// <summary>Graph's fixed id of the password method.</summary>
    public const string PasswordMethodId = "28c10230-6103-485e-b985-444c60001490";

    /// <summary>
    /// The methods behind a user's registration: always the password (none for guests, whose password lives at home),
    /// then one per registered method name Graph reports. Ids are derived from the user id so they stay stable.
    /// </summary>
    internal static IReadOnlyList<EmulatorAuthenticationMethod> For(EmulatorUser user)
    {
        var methods = new List<EmulatorAuthenticationMethod>();
        if (!user.IsGuest)
        {
            methods.Add(new("#microsoft.graph.passwordAuthenticationMethod", PasswordMethodId, new[]
            {
                Property("password", null),
                Property("createdDateTime", user.LastPasswordChangeDateTime?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ")),
            }));
        }

        foreach (var name in user.Registration.MethodsRegistered)
        {
            var id = StableId.From(user.Id + "/" + name);
            var method = name switch
            {
                "microsoftAuthenticatorPush" or "microsoftAuthenticatorPasswordless" => new EmulatorAuthenticationMethod(
                    "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod", id,
                    new[] { Property("displayName", "Contoso phone"), Property("deviceTag", "SoftwareTokenActivated"), Property("phoneAppVersion", "6.2409.6094") }),
                "mobilePhone" or "alternateMobilePhone" or "officePhone" or "sms" => new EmulatorAuthenticationMethod(
                    "#microsoft.graph.phoneAuthenticationMethod", id,
                    new[] { Property("phoneNumber", "+1 4255550100"), Property("phoneType", name == "officePhone" ? "office" : name == "alternateMobilePhone" ? "alternateMobile" : "mobile"), Property("smsSignInState", "notAllowedByPolicy") }),
                "email" => new EmulatorAuthenticationMethod("#microsoft.graph.emailAuthenticationMethod", id,
                    new[] { Property("emailAddress", "recovery." + user.UserPrincipalName.Split('@')[0] + "@example.net") }),
                "softwareOneTimePasscode" => new EmulatorAuthenticationMethod("#microsoft.graph.softwareOathAuthenticationMethod", id,
                    new[] { Property("secretKey", null) }),
                "fido2" or "passKeyDeviceBound" => new EmulatorAuthenticationMethod("#microsoft.graph.fido2AuthenticationMethod", id,
                    new[] { Property("displayName", "Security key"), Property("model", "YubiKey 5 NFC"), Property("aaGuid", "cb69481e-8ff7-4039-93ec-0a2729a154a8") }),
                "windowsHelloForBusiness" => new EmulatorAuthenticationMethod("#microsoft.graph.windowsHelloForBusinessAuthenticationMethod", id,
                    new[] { Property("displayName", "Contoso laptop"), Property("keyStrength", "normal") }),
                "temporaryAccessPass" => new EmulatorAuthenticationMethod("#microsoft.graph.temporaryAccessPassAuthenticationMethod", id,
                    new[] { Property("lifetimeInMinutes", null), Property("methodUsabilityReason", "EnabledByPolicy") }),
                _ => null,
            };
            if (method is not null && methods.All(m => m.ODataType != method.ODataType))
            {
                methods.Add(method);
            }
        }

        return methods;
    }

    private static KeyValuePair<string, string?> Property(string name, string? value) => new(name, value);
}
