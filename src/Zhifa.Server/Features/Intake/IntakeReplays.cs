using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core;
using Zhifa.Data;

namespace Zhifa.Server.Features.Intake;

/// <summary>What identifies a retry: the channel's external id, the client's Idempotency-Key, or both.</summary>
public sealed record Replay(string Channel, string? ExternalId, string? IdempotencyKey, string? RequestHash, Guid? SubmittedBy)
{
    public bool Identified => ExternalId is not null || IdempotencyKey is not null;
}

/// <summary>
/// Makes intake safe to retry. A channel resends the same (channel, externalId) when it missed our
/// answer; any client may send an <c>Idempotency-Key</c> header. Both find the first result instead
/// of creating a second incident.
/// </summary>
public sealed class IntakeReplays(ZhifaDbContext db)
{
    public const string HeaderName = "Idempotency-Key";
    public const int MaxKeyLength = 200;
    public const string KeyReusedCode = "intake.idempotency_key_reused";
    public const string ExternalIdTakenCode = "intake.external_id_taken";

    public Replay For(ClueRequest request, Reporter reporter, string? idempotencyKey)
    {
        if (idempotencyKey is null)
            return new Replay(request.Channel!, request.ExternalId, null, null, reporter.UserId);
        // A person's keys are theirs; a channel system's keys are the channel's, whichever of its keys sent them.
        var scope = reporter.UserId?.ToString("N") ?? request.Channel!;
        var hash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request)));
        return new Replay(request.Channel!, request.ExternalId, $"{scope}:{idempotencyKey}", hash, reporter.UserId);
    }

    /// <summary>The earlier result of this request, or null when it is new.</summary>
    /// <exception cref="DomainException">The key was used for another request, or the external id by another reporter.</exception>
    public async Task<ClueAccepted?> FindAsync(Replay replay, CancellationToken ct)
    {
        if (replay.IdempotencyKey is not null && await FirstAsync(c => c.IdempotencyKey == replay.IdempotencyKey, ct) is { } keyed)
        {
            if (keyed.RequestHash != replay.RequestHash)
                throw new DomainException(KeyReusedCode,
                    $"The {HeaderName} was already used for a different request; send a new key for a new clue.");
            return keyed.Answer;
        }
        if (replay.ExternalId is null)
            return null;
        var earlier = await FirstAsync(c => c.Channel == replay.Channel && c.ExternalId == replay.ExternalId, ct);
        // A channel's people share the channel, so an id sent by someone else is refused rather than
        // answered: its incident may lie outside the caller's jurisdiction.
        if (earlier is not null && earlier.SubmittedBy != replay.SubmittedBy)
            throw new DomainException(ExternalIdTakenCode,
                $"Another reporter on channel '{replay.Channel}' already sent external id '{replay.ExternalId}'; use an id of your own.");
        return earlier?.Answer;
    }

    private sealed record Earlier(Guid? SubmittedBy, string? RequestHash, ClueAccepted Answer);

    private Task<Earlier?> FirstAsync(System.Linq.Expressions.Expression<Func<Core.Incidents.Clue, bool>> match, CancellationToken ct) => (
        from c in db.Clues.AsNoTracking().Where(match)
        join i in db.Incidents on c.IncidentId equals i.Id
        select new Earlier(c.SubmittedBy, c.RequestHash, new ClueAccepted(c.Id, i.Id, i.Number, i.Status, c.Joined ? i.Id : i.MergedIntoId)))
        .FirstOrDefaultAsync(ct);
}
