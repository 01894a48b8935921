using System;
using System.Runtime.InteropServices;
using System.Security;

namespace AadstsTools.Passwords
{
    /// <summary>
    /// Moves password characters between <see cref="SecureString"/> and char arrays without ever making a string.
    /// </summary>
    public static class SecureStringChars
    {
        /// <summary>
        /// Copies the characters into a new array. The caller owns it and must wipe it with
        /// <see cref="Array.Clear(Array, int, int)"/> as soon as it is used (try/finally).
        /// </summary>
        public static char[] ToChars(SecureString value)
        {
            if (value == null)
            {
                throw new ArgumentNullException(nameof(value));
            }

            IntPtr unmanaged = Marshal.SecureStringToGlobalAllocUnicode(value);
            try
            {
                var chars = new char[value.Length];
                Marshal.Copy(unmanaged, chars, 0, chars.Length);
                return chars;
            }
            finally
            {
                Marshal.ZeroFreeGlobalAllocUnicode(unmanaged);
            }
        }

        /// <summary>A read-only <see cref="SecureString"/> holding <paramref name="chars"/>; the caller still wipes its own copy.</summary>
        public static SecureString ToSecureString(ReadOnlySpan<char> chars)
        {
            var secure = new SecureString();
            foreach (char c in chars)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }
    }
}
