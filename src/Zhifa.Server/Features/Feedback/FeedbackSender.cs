using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhifa.Data;

namespace Zhifa.Server.Features.Feedback;

/// <summary>`Feedback` in configuration: how often the worker looks, and how it retries.</summary>
public sealed class FeedbackOptions
{
    public int PollSeconds { get; set; } = 5;
    /// <summary>Off: this node does not deliver (another does, or tests drive <see cref="FeedbackSender"/> themselves).</summary>
    public bool WorkerEnabled { get; set; } = true;
    public int MaxAttempts { get; set; } = 8;
    /// <summary>The first retry's wait; each next one doubles, up to <see cref="MaxBackoffSeconds"/>.</summary>
    public int FirstBackoffSeconds { get; set; } = 30;
    public int MaxBackoffSeconds { get; set; } = 3600;
    public int TimeoutSeconds { get; set; } = 10;
    public int BatchSize { get; set; } = 50;
}

/// <summary>
/// Delivers what the outbox owes: claims each due delivery with one conditional UPDATE (so two
/// workers, or two nodes, never send it at the same time), posts the signed body, and records the
/// answer: delivered, or retried later with backoff, or failed after the last attempt. Delivery is
/// at least once; receivers de-duplicate by the X-Zhifa-Delivery id.
/// </summary>
public sealed class FeedbackSender(
    ZhifaDbContext db, IHttpClientFactory http, IDataProtectionProvider protection, IOptions<FeedbackOptions> options,
    TimeProvider time, ILogger<FeedbackSender> logger)
{
    public const string HttpClientName = "feedback";
    private readonly IDataProtector _secrets = protection.CreateProtector(WebhookSecrets.Purpose);

    /// <summary>Sends the deliveries due now; answers how many it claimed.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var due = await db.FeedbackDeliveries.AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now))
            .OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(o.BatchSize).ToListAsync(ct);
        var claimed = 0;
        foreach (var id in due)
        {
            var lease = now.AddSeconds(o.TimeoutSeconds * 3);
            var mine = await db.FeedbackDeliveries
                .Where(d => d.Id == id && d.Status == DeliveryStatus.Pending && (d.LeaseUntil == null || d.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseUntil, lease).SetProperty(d => d.Attempts, d => d.Attempts + 1), ct);
            if (mine == 0)
                continue;
            claimed++;
            await SendAsync(id, ct);
        }
        return claimed;
    }

    private async Task SendAsync(Guid id, CancellationToken ct)
    {
        var delivery = await db.FeedbackDeliveries.FirstAsync(d => d.Id == id, ct);
        var hook = await db.ChannelWebhooks.AsNoTracking().FirstOrDefaultAsync(w => w.Channel == delivery.Channel, ct);
        var (status, error) = hook is null ? (null, "the channel no longer has a webhook") : await PostAsync(hook, delivery, ct);
        var now = time.GetUtcNow();
        delivery.LastStatusCode = status;
        delivery.LastError = error is null ? null : Core.Text.Truncate(error, FeedbackDelivery.MaxErrorLength);
        delivery.LeaseUntil = null;
        if (error is null)
        {
            delivery.Status = DeliveryStatus.Delivered;
            delivery.DeliveredAt = now;
        }
        else if (delivery.Attempts >= options.Value.MaxAttempts || hook is null)
            delivery.Status = DeliveryStatus.Failed;
        else
            delivery.NextAttemptAt = now + Backoff(delivery.Attempts);
        await db.SaveChangesAsync(ct);
    }

    public TimeSpan Backoff(int attempts)
    {
        var o = options.Value;
        var seconds = Math.Min(o.MaxBackoffSeconds, o.FirstBackoffSeconds * Math.Pow(2, Math.Max(0, attempts - 1)));
        return TimeSpan.FromSeconds(seconds);
    }

    private async Task<(int? Status, string? Error)> PostAsync(ChannelWebhook hook, FeedbackDelivery delivery, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(_secrets.Unprotect(hook.SealedSecret), time.GetUtcNow(), delivery.Payload));
        request.Headers.Add(WebhookSignature.EventHeader, delivery.Event);
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id.ToString());
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            return response.IsSuccessStatusCode ? ((int)response.StatusCode, null) : ((int)response.StatusCode, $"HTTP {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("Feedback {Delivery} to {Channel} failed: {Error}", delivery.Id, delivery.Channel, e.Message);
            return (null, e.Message);
        }
    }
}
