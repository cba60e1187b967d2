using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Supervision;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Supervision;

public sealed record DepartmentNoticeCount(string DepartmentCode, string? Name, int Reminders, int Notices, int Priority, int Listed, int Unacknowledged);

/// <summary>How many reminders and notices of each level each department received, of those the caller reads.</summary>
internal static class NoticeCounts
{
    public static async Task<Results<Ok<DepartmentNoticeCount[]>, ValidationProblem>> CountAsync(
        string? from, string? to, ZhifaDbContext db, ReferenceData reference, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var since = errors.Instant("from", from);
        var until = errors.Instant("to", to, endOfDay: true);
        if (errors.Any)
            return errors.ToProblem();
        var query = db.SupervisionNotices.AsNoTracking().Readable(http.Jurisdiction()).Where(n => n.DepartmentCode != null);
        if (since is { } s)
            query = query.Where(n => n.IssuedAt >= s);
        if (until is { } u)
            query = query.Where(n => n.IssuedAt < u);
        var rows = await query.GroupBy(n => new { n.DepartmentCode, n.Level })
            .Select(g => new Row(g.Key.DepartmentCode!, g.Key.Level, g.Count(), g.Count(n => n.AcknowledgedAt == null)))
            .ToListAsync(ct);
        var counts = rows.GroupBy(r => r.DepartmentCode).Select(d => new DepartmentNoticeCount(
                d.Key, reference.Departments.GetValueOrDefault(d.Key)?.Name,
                Of(d, SupervisionLevel.Reminder), Of(d, SupervisionLevel.Notice), Of(d, SupervisionLevel.Priority), Of(d, SupervisionLevel.Listed),
                d.Sum(r => r.Open)))
            .OrderByDescending(c => c.Listed).ThenByDescending(c => c.Priority).ThenByDescending(c => c.Notices).ThenBy(c => c.DepartmentCode, StringComparer.Ordinal)
            .ToArray();
        return TypedResults.Ok(counts);
    }

    private sealed record Row(string DepartmentCode, SupervisionLevel Level, int Count, int Open);

    private static int Of(IEnumerable<Row> rows, SupervisionLevel level) => rows.Where(r => r.Level == level).Sum(r => r.Count);

}
