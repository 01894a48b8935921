using AadstsTools.GraphEmulator.Routing;

namespace AadstsTools.GraphEmulator.Errors;

/// <summary>
/// Graph's error body: <c>{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}</c>,
/// with Retry-After when the error carries one.
/// </summary>
internal static class ErrorResponse
{
    public static GraphResponse From(GraphRequest request, GraphException error)
    {
        var body = JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("error");
            w.WriteString("code", error.Code);
            w.WriteString("message", error.Message);
            w.WriteStartObject("innerError");
            w.WriteString("date", request.Date.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("request-id", request.RequestId);
            w.WriteString("client-request-id", request.ClientRequestId);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        });

        var headers = new List<KeyValuePair<string, string>>();
        if (error.RetryAfterSeconds is { } retryAfter)
        {
            headers.Add(new("Retry-After", JsonBody.Seconds(retryAfter)));
        }

        if (error.Status == 401)
        {
            headers.Add(new("WWW-Authenticate",
                "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\""));
        }

        return GraphResponse.Json(error.Status, body, headers.ToArray());
    }
}
