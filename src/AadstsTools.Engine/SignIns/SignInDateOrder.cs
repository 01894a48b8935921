namespace AadstsTools.SignIns
{
    /// <summary>
    /// How to read dates such as 05/06/2026 that a spreadsheet re-saved in its own culture: day first
    /// (most of the world) or month first (United States).
    /// </summary>
    public enum SignInDateOrder
    {
        /// <summary>Learn the order from the file's own unambiguous dates (a day above 12); else use the fallback culture's.</summary>
        Auto,

        /// <summary>dd/MM/yyyy.</summary>
        DayFirst,

        /// <summary>MM/dd/yyyy.</summary>
        MonthFirst,
    }
}
