using System.Threading;

namespace AadstsTools.Connection
{
    /// <summary>
    /// The connection the commands of this process use, set by Connect-AadstsGraph and cleared by
    /// Disconnect-AadstsGraph. Tokens live in memory for the process only unless the user opted in.
    /// </summary>
    public static class GraphSession
    {
        private static GraphConnection? _current;

        public static GraphConnection? Current => Volatile.Read(ref _current);

        public static void Set(GraphConnection connection) => Volatile.Write(ref _current, connection);

        /// <summary>Forgets the connection; true when there was one.</summary>
        public static bool Clear() => Interlocked.Exchange(ref _current, null) != null;

        /// <summary>The message for commands run before Connect-AadstsGraph.</summary>
        public static string NotConnectedMessage(string command) =>
            $"{command} needs a Microsoft Graph connection. Run Connect-AadstsGraph first; it asks for: {string.Join(", ", ModulePermissions.Scopes(new[] { command }))}.";
    }
}
