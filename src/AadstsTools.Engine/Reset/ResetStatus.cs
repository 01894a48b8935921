namespace AadstsTools.Reset
{
    /// <summary>How one input ended.</summary>
    public enum ResetStatus
    {
        /// <summary>Graph confirmed the new password.</summary>
        Reset,

        /// <summary>-WhatIf, or the user declined -Confirm: nothing was sent.</summary>
        WhatIf,

        /// <summary>Not reset on purpose: already done (journal), outcome unknown, federated, guest, duplicate.</summary>
        Skipped,

        /// <summary>Tried and failed, or refused for bad input; the error says why.</summary>
        Failed,
    }
}
