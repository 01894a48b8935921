namespace AadstsTools.GraphEmulator.Routing;

/// <summary>A handler's answer: status, extra headers and a UTF-8 JSON body (none for 204), or a dropped connection.</summary>
internal sealed class GraphResponse
{
    public const string ODataJson = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    private GraphResponse(int status, byte[]? body, IReadOnlyList<KeyValuePair<string, string>> headers, bool dropConnection)
    {
        Status = status;
        Body = body;
        Headers = headers;
        DropConnection = dropConnection;
    }

    public int Status { get; }

    public byte[]? Body { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public bool DropConnection { get; }

    public bool IsSuccess => Status is >= 200 and < 300;

    public static GraphResponse Json(int status, byte[] body, params KeyValuePair<string, string>[] headers) =>
        new(status, body, headers, false);

    public static GraphResponse NoContent() => new(204, null, Array.Empty<KeyValuePair<string, string>>(), false);

    public static GraphResponse Dropped() => new(0, null, Array.Empty<KeyValuePair<string, string>>(), true);
}
