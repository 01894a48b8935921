namespace AadstsTools.Passwords
{
    /// <summary>The four classes of characters Entra ID counts for cloud password complexity.</summary>
    public enum PasswordCharacterClass
    {
        /// <summary>Not a character Entra ID accepts in a password (Unicode beyond ASCII, control characters, &lt; &gt;).</summary>
        None,

        /// <summary>a–z.</summary>
        Lowercase,

        /// <summary>A–Z.</summary>
        Uppercase,

        /// <summary>0–9.</summary>
        Digit,

        /// <summary>One of <see cref="PasswordCharacters.Symbols"/>, space included.</summary>
        Symbol,
    }
}
