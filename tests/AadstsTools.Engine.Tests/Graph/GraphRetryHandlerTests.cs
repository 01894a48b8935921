using System.Net;
using AadstsTools.Graph;

namespace AadstsTools.Engine.Tests.Graph;

/// <summary>The retry handler on its own, with a scripted inner handler and recorded waits.</summary>
public class GraphRetryHandlerTests
{
    [Theory]
    [InlineData("2", 2000)]
    [InlineData("2.128", 2128)]
    [InlineData("0.5", 500)]
    [InlineData("0", 0)]
    public void Retry_after_accepts_decimal_seconds(string header, double milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), GraphRetryHandler.ParseRetryAfter(header));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-3")]
    public void Unreadable_retry_after_is_ignored(string? header) => Assert.Null(GraphRetryHandler.ParseRetryAfter(header));

    [Fact]
    public async Task Waits_the_decimal_retry_after_then_succeeds()
    {
        var waits = new List<TimeSpan>();
        var inner = new ScriptedHandler(
            _ => Throttled("2.128"),
            _ => Throttled("0.25"),
            _ => new HttpResponseMessage(HttpStatusCode.OK));
        using var client = Client(inner, waits);

        using HttpResponseMessage response = await client.GetAsync("http://127.0.0.1/v1.0/users");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new[] { TimeSpan.FromMilliseconds(2128), TimeSpan.FromMilliseconds(250) }, waits);
        Assert.Equal(3, inner.Calls);
    }

    [Fact]
    public async Task Dropped_connections_and_503s_are_retried_with_backoff()
    {
        var waits = new List<TimeSpan>();
        var inner = new ScriptedHandler(
            _ => throw new HttpRequestException("connection reset"),
            _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable),
            _ => new HttpResponseMessage(HttpStatusCode.GatewayTimeout),
            _ => new HttpResponseMessage(HttpStatusCode.NoContent));
        using var client = Client(inner, waits);

        using HttpResponseMessage response = await client.PatchAsync("http://127.0.0.1/v1.0/users/x", new StringContent("{\"a\":1}"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(3, waits.Count);
        Assert.True(waits[1] > waits[0] && waits[2] > waits[1], "back-off grows");
        Assert.All(inner.Bodies, body => Assert.Equal("{\"a\":1}", body));
    }

    [Fact]
    public async Task Gives_up_after_the_limit_and_returns_the_last_answer()
    {
        var waits = new List<TimeSpan>();
        var inner = new ScriptedHandler(Enumerable.Repeat<Func<HttpRequestMessage, HttpResponseMessage>>(_ => Throttled("1"), 10).ToArray());
        using var client = Client(inner, waits, maxRetries: 3);

        using HttpResponseMessage response = await client.GetAsync("http://127.0.0.1/v1.0/users");

        Assert.Equal((HttpStatusCode)429, response.StatusCode);
        Assert.Equal(4, inner.Calls);
    }

    [Fact]
    public async Task Other_errors_are_not_retried()
    {
        var inner = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.Forbidden));
        using var client = Client(inner, new List<TimeSpan>());

        using HttpResponseMessage response = await client.GetAsync("http://127.0.0.1/v1.0/users");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task Cancellation_stops_the_waiting()
    {
        using var cancel = new CancellationTokenSource();
        var inner = new ScriptedHandler(_ =>
        {
            cancel.Cancel();
            return Throttled("60");
        });
        using var client = new HttpClient(new GraphRetryHandler(new GraphRetryPolicy()) { InnerHandler = inner });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync("http://127.0.0.1/v1.0/users", cancel.Token));
    }

    [Fact]
    public void The_sdks_retry_handler_is_replaced_by_ours()
    {
        var handlers = GraphClientBuilder.Handlers();
        Assert.Single(handlers.OfType<GraphRetryHandler>());
        Assert.DoesNotContain(handlers, h => h.GetType().Name == "RetryHandler");
        Assert.True(handlers.Count > 3, "the SDK's other middleware stays");
    }

    private static HttpResponseMessage Throttled(string retryAfter)
    {
        var response = new HttpResponseMessage((HttpStatusCode)429);
        response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        return response;
    }

    private static HttpClient Client(ScriptedHandler inner, List<TimeSpan> waits, int maxRetries = 6) =>
        new(new GraphRetryHandler(new GraphRetryPolicy
        {
            MaxRetries = maxRetries,
            MaxThrottledRetries = maxRetries,
            BaseDelay = TimeSpan.FromMilliseconds(100),
            Delay = (delay, _) =>
            {
                waits.Add(delay);
                return Task.CompletedTask;
            },
        }) { InnerHandler = inner });

    private sealed class ScriptedHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] steps) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        public List<string> Bodies { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content != null)
            {
                Bodies.Add(await request.Content.ReadAsStringAsync(cancellationToken));
            }

            var step = steps[Math.Min(Calls, steps.Length - 1)];
            Calls++;
            return step(request);
        }
    }
}
