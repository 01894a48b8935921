using System;
using System.Collections.Generic;

namespace AadstsTools.Graph.Model
{
    /// <summary>A user's row of the authentication methods registration report.</summary>
    public sealed class RegistrationDetails
    {
        public RegistrationDetails(string userId) => UserId = userId;

        public string UserId { get; }

        public string? UserPrincipalName { get; init; }

        public bool IsSsprRegistered { get; init; }

        public bool IsSsprEnabled { get; init; }

        public bool IsSsprCapable { get; init; }

        public bool IsMfaRegistered { get; init; }

        public bool IsMfaCapable { get; init; }

        public bool IsPasswordlessCapable { get; init; }

        public bool IsAdmin { get; init; }

        public IReadOnlyList<string> MethodsRegistered { get; init; } = Array.Empty<string>();

        public DateTimeOffset? LastUpdatedDateTime { get; init; }
    }
}
