using System;
using System.Collections.Generic;
using System.Linq;

namespace AadstsTools.Passwords
{
    /// <summary>Every rule a password breaks; none means the password may be sent to Entra ID.</summary>
    public sealed class PasswordValidationResult
    {
        internal PasswordValidationResult(IReadOnlyList<PasswordProblem> problems)
        {
            Problems = problems ?? throw new ArgumentNullException(nameof(problems));
        }

        /// <summary>True when the password breaks none of the local rules. Entra ID may still reject it (banned passwords).</summary>
        public bool IsValid => Problems.Count == 0;

        /// <summary>The rules broken, in <see cref="PasswordRule"/> order.</summary>
        public IReadOnlyList<PasswordProblem> Problems { get; }

        /// <summary>True when <paramref name="rule"/> is among the problems.</summary>
        public bool Breaks(PasswordRule rule) => Problems.Any(p => p.Rule == rule);

        /// <summary>All problem messages in one text, for an error message.</summary>
        public override string ToString() =>
            IsValid ? "The password meets the rules." : string.Join(" ", Problems.Select(p => p.Message));
    }
}
