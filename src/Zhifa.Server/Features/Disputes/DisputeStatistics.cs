using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhifa.Core.Incidents;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Disputes;

/// <summary>A ruling, as evidence for amending the responsibility list.</summary>
public sealed record RulingEvidence(Guid IncidentId, string IncidentNumber, string ReturnedByDepartmentCode, string RuledDepartmentCode,
    string? RulingReason, string? LegalBasis, DateTimeOffset RuledAt);

public sealed record MatterDisputes(string? MatterCode, string? MatterName, int Disputes, int Open, int Ruled, bool NeedsAmendment,
    IReadOnlyList<RulingEvidence> Rulings);

public sealed record DepartmentCount(string DepartmentCode, string? Name, int Count);

/// <summary>
/// The disputes between two departments, whichever returned it: the returning department and the one it
/// named, or failing a name, another department ruled responsible; <paramref name="Other"/> is null when
/// neither is known.
/// </summary>
public sealed record PairDisputes(string Department, string? DepartmentName, string? Other, string? OtherName, int Disputes, int Open,
    IReadOnlyList<DepartmentCount> RuledTo);

public sealed record DisputeStatisticsView(DateTimeOffset From, DateTimeOffset To, int AmendmentThreshold, int Disputes,
    IReadOnlyList<MatterDisputes> ByMatter, IReadOnlyList<PairDisputes> ByPair);

/// <summary>Counts the disputes a caller reads that opened in a period (the last 90 days unless asked).</summary>
internal static class DisputeStatistics
{
    public const int MaxWindowDays = 366;

    public static async Task<Results<Ok<DisputeStatisticsView>, ValidationProblem>> ComputeAsync(
        string? from, string? to, ZhifaDbContext db, ReferenceData reference, IOptions<DisputeOptions> options, TimeProvider time,
        HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var end = errors.Instant("to", to, endOfDay: true);
        var until = end ?? time.GetUtcNow();
        var since = errors.Instant("from", from) ?? until.AddDays(-DisputeEndpoints.DefaultWindowDays);
        if (!errors.Any && since >= until)
            errors.Add("from", "from is before to.");
        // The counting is done on the disputes read into memory: a year of them, not every one ever.
        else if (!errors.Any && until - since > TimeSpan.FromDays(MaxWindowDays))
            errors.Add("from", $"The period from from to to is at most {MaxWindowDays} days.");
        if (errors.Any)
            return errors.ToProblem();
        // A given end is exclusive (the start of the day after); without one, up to and including now.
        var rows = await db.Disputes.AsNoTracking().Readable(http.Jurisdiction())
            .Where(d => d.OpenedAt >= since && (end == null ? d.OpenedAt <= until : d.OpenedAt < until))
            .Join(db.Incidents, d => d.IncidentId, i => i.Id, (d, i) => new Row(d, i.Number))
            .ToListAsync(ct);
        var threshold = options.Value.AmendmentThreshold;
        return TypedResults.Ok(new DisputeStatisticsView(since, until, threshold, rows.Count,
            ByMatter(rows, reference, threshold), ByPair(rows, reference)));
    }

    internal sealed record Row(IncidentDispute Dispute, string IncidentNumber);

    internal static List<MatterDisputes> ByMatter(IReadOnlyList<Row> rows, ReferenceData reference, int threshold) =>
        [.. rows.GroupBy(r => r.Dispute.MatterCode).Select(g => new MatterDisputes(
                g.Key, g.Key is null ? null : reference.Matters.GetValueOrDefault(g.Key)?.Name,
                g.Count(), g.Count(r => r.Dispute.IsOpen), g.Count(r => !r.Dispute.IsOpen),
                // A dispute without a matter says nothing about the list.
                g.Key is not null && g.Count() >= threshold,
                [.. g.Where(r => !r.Dispute.IsOpen).OrderByDescending(r => r.Dispute.RuledAt).Select(r => new RulingEvidence(
                    r.Dispute.IncidentId, r.IncidentNumber, r.Dispute.ReturnedByDepartmentCode, r.Dispute.RuledDepartmentCode!,
                    r.Dispute.RulingReason, r.Dispute.LegalBasis, r.Dispute.RuledAt!.Value))]))
            .OrderByDescending(m => m.Disputes).ThenBy(m => m.MatterCode, StringComparer.Ordinal)];

    internal static List<PairDisputes> ByPair(IReadOnlyList<Row> rows, ReferenceData reference) =>
        [.. rows.GroupBy(r => Pair(r.Dispute)).Select(g => new PairDisputes(
                g.Key.Department, NameOf(g.Key.Department, reference), g.Key.Other, g.Key.Other is null ? null : NameOf(g.Key.Other, reference),
                g.Count(), g.Count(r => r.Dispute.IsOpen),
                [.. g.Where(r => r.Dispute.RuledDepartmentCode is not null).GroupBy(r => r.Dispute.RuledDepartmentCode!)
                    .Select(d => new DepartmentCount(d.Key, NameOf(d.Key, reference), d.Count()))
                    .OrderByDescending(d => d.Count).ThenBy(d => d.DepartmentCode, StringComparer.Ordinal)]))
            .OrderByDescending(p => p.Disputes).ThenBy(p => p.Department, StringComparer.Ordinal).ThenBy(p => p.Other, StringComparer.Ordinal)];

    /// <summary>
    /// The two sides in a fixed order, so that A returning to B and B returning to A count together: the
    /// returning department and the one it named, or failing a name, another department ruled responsible.
    /// </summary>
    private static (string Department, string? Other) Pair(IncidentDispute d)
    {
        var returner = d.ReturnedByDepartmentCode;
        var other = d.SuggestedDepartmentCode ?? (d.RuledDepartmentCode != returner ? d.RuledDepartmentCode : null);
        return other is null || string.CompareOrdinal(returner, other) <= 0 ? (returner, other) : (other, returner);
    }

    private static string? NameOf(string code, ReferenceData reference) => reference.Departments.GetValueOrDefault(code)?.Name;
}
