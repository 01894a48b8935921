namespace AadstsTools.Passwords
{
    /// <summary>The local password rules, named in every <see cref="PasswordProblem"/>.</summary>
    public enum PasswordRule
    {
        /// <summary>8 to 256 characters.</summary>
        Length,

        /// <summary>Characters from at least three of the four classes (lower-case, upper-case, digits, symbols).</summary>
        CharacterClasses,

        /// <summary>Only ASCII letters, digits, space and the symbols Entra ID accepts.</summary>
        AllowedCharacters,

        /// <summary>None of the user's names, nor the user name part of the UPN.</summary>
        UserNames,
    }
}
