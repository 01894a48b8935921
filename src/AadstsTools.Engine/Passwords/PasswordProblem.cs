using System;

namespace AadstsTools.Passwords
{
    /// <summary>One rule a password breaks. The message describes the rule; it never quotes the password.</summary>
    public sealed class PasswordProblem
    {
        internal PasswordProblem(PasswordRule rule, string message)
        {
            Rule = rule;
            Message = message ?? throw new ArgumentNullException(nameof(message));
        }

        /// <summary>The rule broken.</summary>
        public PasswordRule Rule { get; }

        /// <summary>What the rule requires, e.g. "Length: a password needs at least 8 characters."</summary>
        public string Message { get; }

        public override string ToString() => Message;
    }
}
