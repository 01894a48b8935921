namespace AadstsTools.Graph
{
    /// <summary>One item of a bulk Graph operation: its value, or why there is none.</summary>
    public sealed class GraphResult<T>
        where T : class
    {
        private GraphResult(T? value, GraphFailure? failure)
        {
            Value = value;
            Failure = failure;
        }

        public T? Value { get; }

        public GraphFailure? Failure { get; }

        public bool Succeeded => Failure == null;

        public static GraphResult<T> Success(T value) => new GraphResult<T>(value, null);

        public static GraphResult<T> Failed(GraphFailure failure) => new GraphResult<T>(null, failure);
    }
}
