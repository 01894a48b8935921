namespace AadstsTools.Output
{
    /// <summary>A progress report for long work (Write-Progress in PowerShell).</summary>
    public sealed class ProgressUpdate
    {
        public ProgressUpdate(int activityId, string activity, string status)
        {
            ActivityId = activityId;
            Activity = activity;
            Status = status;
        }

        public int ActivityId { get; }

        public string Activity { get; }

        public string Status { get; }

        /// <summary>0–100, or -1 when unknown.</summary>
        public int PercentComplete { get; init; } = -1;

        public string? CurrentOperation { get; init; }

        /// <summary>True for the last report of an activity.</summary>
        public bool Completed { get; init; }
    }
}
