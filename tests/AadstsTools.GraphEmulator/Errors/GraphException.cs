namespace AadstsTools.GraphEmulator.Errors;

/// <summary>Ends a request with Graph's error body: thrown anywhere while handling it, turned into the response once.</summary>
internal sealed class GraphException : Exception
{
    public GraphException(int status, string code, string message, double? retryAfterSeconds = null)
        : base(message)
    {
        Status = status;
        Code = code;
        RetryAfterSeconds = retryAfterSeconds;
    }

    public int Status { get; }

    public string Code { get; }

    public double? RetryAfterSeconds { get; }
}
