using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;

namespace Zhifa.Server.Features.Audit;

/// <summary>What one audit entry says, before the chain numbers and hashes it.</summary>
public sealed record AuditRecord(string Actor, string? Ip, string Action, string? Target, int Status, string? Summary);

/// <summary>
/// Appends to the audit trail. Requests hand their entries to one writer, which appends whatever has
/// gathered in one short transaction on its own context (a group commit: under load, one commit for
/// many requests instead of one each). The transaction takes the chain's head row (the UPDATE locks it
/// until commit), so entries are numbered and chained in one order however many nodes write at once.
/// A request's append completes when its entries are committed.
/// </summary>
public sealed class AuditTrail(IServiceScopeFactory scopes, TimeProvider time, ILogger<AuditTrail> logger) : IDisposable
{
    /// <summary>Entries per transaction at most: a long backlog is written in bounded steps.</summary>
    private const int MaxBatch = 500;

    private sealed record Head(long Seq, string Hash);
    private sealed record Pending(IReadOnlyList<AuditRecord> Records, TaskCompletionSource Done);

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private int _writerStarted;

    public Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _writerStarted, 1) == 0)
            _ = Task.Run(WriteLoopAsync, CancellationToken.None);
        var pending = new Pending(records, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
            throw new InvalidOperationException("The audit trail is closed.");
        return pending.Done.Task.WaitAsync(ct);
    }

    /// <summary>Ends the writer with the host: what is queued is still written, then the loop returns.</summary>
    public void Dispose() => _queue.Writer.TryComplete();

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            var count = 0;
            while (count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
                count += next.Records.Count;
            }
            try
            {
                await WriteAsync([.. batch.SelectMany(p => p.Records)], CancellationToken.None);
                batch.ForEach(p => p.Done.TrySetResult());
            }
            catch (Exception e)
            {
                // Each waiting request learns that its entries were not written; the writer goes on.
                logger.LogError(e, "Writing {Count} audit entries failed", count);
                batch.ForEach(p => p.Done.TrySetException(e));
            }
        }
    }

    private async Task WriteAsync(IReadOnlyList<AuditRecord> records, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var head = (await db.Database.SqlQuery<Head>(
            $"""UPDATE "AuditHeads" SET "Seq" = "Seq" + {records.Count} WHERE "Id" = {AuditHead.SingletonId} RETURNING "Seq", "Hash" """)
            .ToListAsync(ct)).Single();
        var at = AuditChain.Truncate(time.GetUtcNow());
        var (seq, previous) = (head.Seq - records.Count, head.Hash.Trim());
        foreach (var r in records)
        {
            var entry = Chain(new AuditEntry
            {
                Seq = ++seq, At = at, Actor = Cut(r.Actor, 300)!, Ip = r.Ip, Action = Cut(r.Action, 200)!, Target = Cut(r.Target, 200),
                Status = r.Status, Summary = Cut(r.Summary, AuditEntry.MaxSummaryLength), PreviousHash = previous, Hash = "",
            });
            db.AuditEntries.Add(entry);
            previous = entry.Hash;
        }
        await db.Database.ExecuteSqlAsync($"""UPDATE "AuditHeads" SET "Hash" = {previous} WHERE "Id" = {AuditHead.SingletonId}""", ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static AuditEntry Chain(AuditEntry e) => new()
    {
        Seq = e.Seq, At = e.At, Actor = e.Actor, Ip = e.Ip, Action = e.Action, Target = e.Target, Status = e.Status,
        Summary = e.Summary, PreviousHash = e.PreviousHash, Hash = AuditChain.HashOf(e),
    };

    private static string? Cut(string? text, int max) => text is null ? null : Core.Text.Truncate(text, max);
}
