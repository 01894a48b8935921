using AadstsTools.Output;

namespace AadstsTools.SignIns
{
    /// <summary>
    /// The answer of the Microsoft Graph path of Get-AadSignInFailure and `aadsts triage --since` until the
    /// Graph source exists: it will read /auditLogs/signIns into <see cref="SignInEvent"/>s and feed the same
    /// <see cref="Analysis.SignInTriage"/> as the file path.
    /// </summary>
    public static class GraphSignInsNotAvailable
    {
        public const string ErrorId = "GraphSignInsNotAvailable";

        public static EngineError Error() => new EngineError(ErrorId, ErrorKind.NotSpecified,
            "Reading sign-ins from Microsoft Graph is not available yet in this version.")
        {
            RecommendedAction = "Download the sign-in log from the Entra admin center (Monitoring > Sign-in logs > Download, CSV or JSON) and pass the file: Get-AadSignInFailure -Path <file> (aadsts triage --file <file>).",
        };
    }
}
