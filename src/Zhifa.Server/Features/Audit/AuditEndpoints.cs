using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Incidents;

namespace Zhifa.Server.Features.Audit;

/// <summary>The chain recomputed: whether it is intact, and where it first breaks.</summary>
public sealed record AuditVerification(bool Intact, long Entries, long? FirstBrokenSeq, string? Problem);

public sealed record AuditEntryView(long Seq, DateTimeOffset At, string Actor, string? Ip, string Action, string? Target, int Status, string? Summary, string Hash);

/// <summary>Reading and checking the audit trail: administrators only. No endpoint changes or deletes entries.</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(AccessPolicies.Admin);
        audit.MapGet("/verify", async (ZhifaDbContext db, CancellationToken ct) => TypedResults.Ok(await VerifyAsync(db, ct)))
            .WithSummary("Recompute the hash chain and report the first broken entry");
        audit.MapGet("/", ListAsync).WithSummary("The latest entries, newest first, optionally of one actor");
        return app;
    }

    private static async Task<Results<Ok<PagedList<AuditEntryView>>, ValidationProblem>> ListAsync(
        string? actor, int? page, int? pageSize, ZhifaDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Paging(page, pageSize, 500);
        errors.MaxLength("actor", actor, 300);
        if (errors.Any)
            return errors.ToProblem();
        var query = db.AuditEntries.AsNoTracking();
        if (actor is not null)
            query = query.Where(e => e.Actor == actor);
        var (number, size) = (page ?? 1, pageSize ?? 100);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(e => e.Seq)
            .Select(e => new AuditEntryView(e.Seq, e.At, e.Actor, e.Ip, e.Action, e.Target, e.Status, e.Summary, e.Hash))
            .PageAsync(number, size, ct);
        return TypedResults.Ok(new PagedList<AuditEntryView>(items, total, number, size));
    }

    /// <summary>
    /// Walks the entries in order: each must follow the one before without a gap, name its hash as
    /// previous, and hash to what it says; the head must end where the entries end.
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(ZhifaDbContext db, CancellationToken ct)
    {
        // The head first: entries appended while the walk runs lie beyond it and are left for the next check.
        var head = await db.AuditHeads.AsNoTracking().SingleAsync(ct);
        var (count, expectedSeq, previous) = (0L, 1L, AuditHead.Genesis);
        await foreach (var e in db.AuditEntries.AsNoTracking().Where(e => e.Seq <= head.Seq).OrderBy(e => e.Seq).AsAsyncEnumerable().WithCancellation(ct))
        {
            var problem = e.Seq != expectedSeq ? $"entry {expectedSeq} is missing"
                : e.PreviousHash.Trim() != previous ? "its previous hash is not the hash of the entry before"
                : AuditChain.HashOf(e) != e.Hash.Trim() ? "its content does not match its hash"
                : null;
            if (problem is not null)
                return new AuditVerification(false, count, Math.Min(e.Seq, expectedSeq), problem);
            (count, expectedSeq, previous) = (count + 1, expectedSeq + 1, e.Hash.Trim());
        }
        if (head.Seq != count || head.Hash.Trim() != previous)
            return new AuditVerification(false, count, count + 1, $"the chain ends at entry {count} but its head says {head.Seq}: entries were removed from the end");
        return new AuditVerification(true, count, null, null);
    }
}
