using System.Threading;

namespace AadstsTools.Graph
{
    /// <summary>Counts what the gateway sent to Graph: HTTP calls (a $batch is one) and the operations inside them.</summary>
    public sealed class GraphTraffic
    {
        private long _httpCalls;
        private long _operations;
        private long _reportingCalls;

        public long HttpCalls => Interlocked.Read(ref _httpCalls);

        public long Operations => Interlocked.Read(ref _operations);

        /// <summary>Calls to the reporting APIs (registration report, sign-in logs), which Graph limits to 5 per 10 s.</summary>
        public long ReportingCalls => Interlocked.Read(ref _reportingCalls);

        internal void CountCall(int operations = 1, bool reporting = false)
        {
            Interlocked.Increment(ref _httpCalls);
            Interlocked.Add(ref _operations, operations);
            if (reporting)
            {
                Interlocked.Increment(ref _reportingCalls);
            }
        }

        internal void CountBatches(long batchCalls, int operations)
        {
            Interlocked.Add(ref _httpCalls, batchCalls);
            Interlocked.Add(ref _operations, operations);
        }

        public override string ToString() => $"{HttpCalls} HTTP calls, {Operations} Graph operations, {ReportingCalls} reporting calls";
    }
}
