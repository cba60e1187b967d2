using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Incidents;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.ApiKeys;
using Zhifa.Server.Features.Audit;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Incidents;

namespace Zhifa.Server.Features.Feedback;

public sealed record WebhookRequest(string? Url);

/// <summary>A channel's webhook; <c>Secret</c> only in the answer that set it.</summary>
public sealed record WebhookView(string Channel, string Url, DateTimeOffset CreatedAt, string? Secret = null);

public sealed record DeliveryView(Guid Id, string Channel, string Event, Guid IncidentId, Guid ClueId, string? ExternalId,
    DeliveryStatus Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? DeliveredAt,
    int? LastStatusCode, string? LastError);

public static class FeedbackEndpoints
{
    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        var hooks = app.MapGroup("/api/v1/channels/{channel}/webhook").WithTags("Feedback").RequireAuthorization(AccessPolicies.Admin);
        hooks.MapPut("/", SetAsync).WithSummary("Set where a channel hears how its reports ended; answers a new signing secret, shown once");
        hooks.MapGet("/", async Task<Results<Ok<WebhookView>, ProblemHttpResult>> (string channel, ZhifaDbContext db, CancellationToken ct) =>
            await db.ChannelWebhooks.AsNoTracking().FirstOrDefaultAsync(w => w.Channel == channel, ct) is { } w
                ? TypedResults.Ok(new WebhookView(w.Channel, w.Url, w.CreatedAt)) : NoWebhook(channel))
            .WithSummary("A channel's webhook, without its secret");
        hooks.MapDelete("/", async Task<Results<NoContent, ProblemHttpResult>> (string channel, ZhifaDbContext db, CancellationToken ct) =>
            await db.ChannelWebhooks.Where(w => w.Channel == channel).ExecuteDeleteAsync(ct) > 0 ? TypedResults.NoContent() : NoWebhook(channel))
            .WithSummary("Stop calling a channel's webhook; what is still owed fails");
        app.MapGet("/api/v1/feedback/deliveries", ListAsync).WithTags("Feedback").RequireAuthorization(AccessPolicies.FeedbackReaders)
            .WithSummary("Calls owed to webhooks and how each went; a channel key sees its own channel's");
        return app;
    }

    private static async Task<Results<Ok<WebhookView>, ValidationProblem>> SetAsync(
        string channel, WebhookRequest body, ZhifaDbContext db, IDataProtectionProvider protection, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!Channels.IsKnown(channel) || channel == Channels.Manual)
            errors.Add("channel", $"Webhooks serve the channel systems: {string.Join(", ", Channels.All.Where(c => c != Channels.Manual))}.");
        if (errors.Required("url", body.Url, ChannelWebhook.MaxUrlLength)
            && !(Uri.TryCreate(body.Url, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)))
            errors.Add("url", "The url must be an absolute http or https address.");
        if (errors.Any)
            return errors.ToProblem();
        var secret = WebhookSecrets.New();
        var sealedSecret = protection.CreateProtector(WebhookSecrets.Purpose).Protect(secret);
        var hook = await db.ChannelWebhooks.FirstOrDefaultAsync(w => w.Channel == channel, ct);
        if (hook is null)
            db.ChannelWebhooks.Add(hook = new ChannelWebhook { Channel = channel, Url = body.Url!, SealedSecret = sealedSecret });
        (hook.Url, hook.SealedSecret, hook.CreatedAt) = (body.Url!, sealedSecret, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        http.Audit().Target = channel;
        http.Audit().Summary = $"webhook of {channel} set to {hook.Url}";
        return TypedResults.Ok(new WebhookView(channel, hook.Url, hook.CreatedAt, secret));
    }

    private static async Task<Results<Ok<PagedList<DeliveryView>>, ValidationProblem>> ListAsync(
        string? channel, DeliveryStatus? status, Guid? incidentId, int? page, int? pageSize, ZhifaDbContext db, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Paging(page, pageSize, 200);
        if (errors.Any)
            return errors.ToProblem();
        // A channel system sees only its own channel's deliveries, whatever it asks for.
        var own = http.User.FindFirst(ApiKeyAuthenticationHandler.ChannelClaim)?.Value;
        var query = db.FeedbackDeliveries.AsNoTracking();
        if ((own ?? channel) is { } only)
            query = query.Where(d => d.Channel == only);
        if (status is not null)
            query = query.Where(d => d.Status == status);
        if (incidentId is not null)
            query = query.Where(d => d.IncidentId == incidentId);
        var (number, size) = (page ?? 1, pageSize ?? 50);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Skip((number - 1) * size).Take(size)
            .Select(d => new DeliveryView(d.Id, d.Channel, d.Event, d.IncidentId, d.ClueId, d.ExternalId, d.Status, d.Attempts,
                d.CreatedAt, d.NextAttemptAt, d.DeliveredAt, d.LastStatusCode, d.LastError))
            .ToListAsync(ct);
        return TypedResults.Ok(new PagedList<DeliveryView>(items, total, number, size));
    }

    private static ProblemHttpResult NoWebhook(string channel) =>
        Problems.NotFound("webhook.not_found", $"Channel '{channel}' has no webhook.");
}
