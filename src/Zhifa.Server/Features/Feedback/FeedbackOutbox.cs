using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Incidents;
using Zhifa.Data;

namespace Zhifa.Server.Features.Feedback;

/// <summary>The result a channel hears about one of its reports.</summary>
public sealed record FeedbackPayload(
    Guid DeliveryId, string Event, DateTimeOffset OccurredAt, string Channel, Guid ClueId, string? ExternalId,
    Guid IncidentId, string IncidentNumber, IncidentStatus Status, string? Result, Guid? MergedIntoId, string? MergedIntoNumber);

/// <summary>
/// Writes the calls owed to channels' webhooks (反馈) when an incident that came from them is closed,
/// rejected or merged, or when a report joins an existing incident. The rows go into the caller's
/// unit of work, so they are saved with the change they report, or not at all.
/// </summary>
public sealed class FeedbackOutbox(ZhifaDbContext db)
{
    public const string Closed = "closed";
    public const string Rejected = "rejected";
    public const string Merged = "merged";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The event a change from <paramref name="from"/> to the incident's status tells its channels, if any.</summary>
    public static string? EventOf(IncidentStatus from, IncidentStatus to) => from == to ? null : to switch
    {
        IncidentStatus.Closed => Closed,
        IncidentStatus.Rejected => Rejected,
        IncidentStatus.Merged => Merged,
        _ => null,
    };

    /// <summary>Owes each channel with a webhook the event, for each of its clues on the incident (or only <paramref name="onlyClue"/>).</summary>
    public async Task EnqueueAsync(Incident incident, string @event, string? result, (Guid Id, string Number)? mergedInto, DateTimeOffset now,
        CancellationToken ct, Clue? onlyClue = null)
    {
        var clues = onlyClue is null ? incident.Clues : [onlyClue];
        var channels = clues.Select(c => c.Channel).Distinct().ToList();
        var hooked = await db.ChannelWebhooks.AsNoTracking().Where(w => channels.Contains(w.Channel)).Select(w => w.Channel).ToListAsync(ct);
        foreach (var clue in clues.Where(c => hooked.Contains(c.Channel)))
        {
            var id = Guid.CreateVersion7(now);
            var payload = new FeedbackPayload(id, @event, now, clue.Channel, clue.Id, clue.ExternalId,
                incident.Id, incident.Number, incident.Status, result, mergedInto?.Id, mergedInto?.Number);
            db.FeedbackDeliveries.Add(new FeedbackDelivery
            {
                Id = id,
                Channel = clue.Channel,
                Event = @event,
                IncidentId = incident.Id,
                ClueId = clue.Id,
                ExternalId = clue.ExternalId,
                Payload = JsonSerializer.Serialize(payload, Json),
                Status = DeliveryStatus.Pending,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
    }
}
