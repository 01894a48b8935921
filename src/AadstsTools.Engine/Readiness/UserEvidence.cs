using System;
using System.Collections.Generic;
using AadstsTools.Graph;
using AadstsTools.Graph.Model;
using AadstsTools.SignIns;

namespace AadstsTools.Readiness
{
    /// <summary>Everything gathered about one user, for the checks to judge.</summary>
    public sealed class UserEvidence
    {
        public UserEvidence(string input, DateTimeOffset now, DateTimeOffset signInsSince)
        {
            Input = input;
            Now = now;
            SignInsSince = signInsSince;
        }

        /// <summary>The user as given.</summary>
        public string Input { get; }

        public UserKey? Key { get; init; }

        /// <summary>Why the input is not a user id or UPN (no Graph call was made).</summary>
        public string? InputProblem { get; init; }

        public DirectoryUser? User { get; set; }

        /// <summary>Why the user could not be read (NotFound for a missing user).</summary>
        public GraphFailure? UserFailure { get; set; }

        public Evidence<IReadOnlyList<DirectoryDomain>> Domains { get; set; } = Evidence<IReadOnlyList<DirectoryDomain>>.Missing("not requested");

        /// <summary>The registration report's row; a collected null means the report has no row for the user.</summary>
        public Evidence<RegistrationDetails?> Registration { get; set; } = Evidence<RegistrationDetails?>.Missing("not requested");

        /// <summary>The user's methods, read when the registration report is unavailable (no P1) for a few users.</summary>
        public Evidence<IReadOnlyList<AuthenticationMethodInfo>> Methods { get; set; } = Evidence<IReadOnlyList<AuthenticationMethodInfo>>.Missing("not requested");

        /// <summary>The user's sign-ins since <see cref="SignInsSince"/>, newest first.</summary>
        public Evidence<IReadOnlyList<SignInEvent>> SignIns { get; set; } = Evidence<IReadOnlyList<SignInEvent>>.Missing("not requested");

        /// <summary>
        /// Null when the sign-ins are complete for the user; otherwise the codes they were limited to (bulk
        /// runs query the log per code, since Graph can't filter "every failure" for many users at once).
        /// </summary>
        public IReadOnlyCollection<int>? SignInCodesOnly { get; set; }

        public DateTimeOffset Now { get; }

        public DateTimeOffset SignInsSince { get; }

        /// <summary>A synced user whose object hasn't synced for longer than this gets a warning.</summary>
        public TimeSpan StaleSyncAfter { get; init; } = TimeSpan.FromDays(3);

        /// <summary>The UPN, else the input.</summary>
        public string Name => User?.UserPrincipalName ?? Input;

        public bool IsGuest => string.Equals(User?.UserType, "Guest", StringComparison.OrdinalIgnoreCase);
    }
}
