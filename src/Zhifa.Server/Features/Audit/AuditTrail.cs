using Microsoft.EntityFrameworkCore;
using Zhifa.Data;

namespace Zhifa.Server.Features.Audit;

/// <summary>What one audit entry says, before the chain numbers and hashes it.</summary>
public sealed record AuditRecord(string Actor, string? Ip, string Action, string? Target, int Status, string? Summary);

/// <summary>
/// Appends to the audit trail. Each append is its own short transaction on its own context: it
/// takes the chain's head row (the UPDATE locks it until commit), so entries are numbered and
/// chained in one order however many requests or nodes write at once.
/// </summary>
public sealed class AuditTrail(IServiceScopeFactory scopes, TimeProvider time)
{
    private sealed record Head(long Seq, string Hash);

    public async Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken ct)
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
