using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Zhifa.Server.Tests.Feedback;

/// <summary>A channel's system, as far as feedback goes: a real HTTP server on a free port that records each call.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Call(string Body, string? Signature, string? Event, string? Delivery);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Call> _calls = new();
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The status the receiver answers with; 200 unless a test makes it fail.</summary>
    public int Status { get; set; } = StatusCodes.Status200OK;

    public IReadOnlyList<Call> Calls => [.. _calls];

    public string Url => _app.Urls.First() + "/hook";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            receiver._calls.Enqueue(new Call(await reader.ReadToEndAsync(), request.Headers["X-Zhifa-Signature"], request.Headers["X-Zhifa-Event"], request.Headers["X-Zhifa-Delivery"]));
            receiver._arrived.TrySetResult();
            return Results.StatusCode(receiver.Status);
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Completes when a call arrives (or has arrived since the last wait); for a worker that runs on its own.</summary>
    public async Task WaitForCallAsync()
    {
        await _arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
