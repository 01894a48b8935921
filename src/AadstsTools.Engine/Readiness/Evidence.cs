using AadstsTools.Graph;

namespace AadstsTools.Readiness
{
    /// <summary>Something a check needs from Graph: the value, why it is missing, or that it wasn't asked for.</summary>
    public sealed class Evidence<T>
    {
        private Evidence(bool collected, T value, GraphFailure? failure, string? notCollected)
        {
            Collected = collected;
            Value = value;
            Failure = failure;
            NotCollected = notCollected;
        }

        /// <summary>True when Graph answered (Value is valid).</summary>
        public bool Collected { get; }

        public T Value { get; }

        /// <summary>Why Graph gave no value.</summary>
        public GraphFailure? Failure { get; }

        /// <summary>Why it was not asked for (e.g. the user could not be read first).</summary>
        public string? NotCollected { get; }

        public static Evidence<T> Of(T value) => new Evidence<T>(true, value, null, null);

        public static Evidence<T> Failed(GraphFailure failure) => new Evidence<T>(false, default!, failure, null);

        public static Evidence<T> Missing(string reason) => new Evidence<T>(false, default!, null, reason);
    }
}
