using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Access;
using Zhifa.Core.Incidents;
using Zhifa.Core.Time;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Deadlines;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Incidents;

/// <summary>Reads of incidents: the filtered list and the full detail.</summary>
public sealed class IncidentQueries(ZhifaDbContext db, ReferenceData reference, TimeProvider time)
{
    /// <summary>The incident, when <paramref name="caller"/> may see it; else null, as if it did not exist.</summary>
    public Task<Incident?> FindAsync(Guid id, Jurisdiction caller, CancellationToken ct) =>
        db.Incidents.AsNoTracking().Where(IncidentAccess.Visible(caller)).WithDetails().FirstOrDefaultAsync(i => i.Id == id, ct);

    /// <summary>Checks the filters; the answer names every field that is wrong.</summary>
    public FieldErrors Validate(IncidentQuery q, out IncidentFilter filter)
    {
        var errors = new FieldErrors();
        var parsed = new List<IncidentStatus>();
        foreach (var text in (q.Status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (StrictEnum.TryParse<IncidentStatus>(text, out var status))
                parsed.Add(status);
            else
                errors.Add("status", $"Unknown status '{text}'. Known: {string.Join(", ", Enum.GetNames<IncidentStatus>())}.");
        }
        var lights = new List<TrafficLight>();
        foreach (var text in (q.Light ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (StrictEnum.TryParse<TrafficLight>(text, out var light))
                lights.Add(light);
            else
                errors.Add("light", $"Unknown light '{text}'. Known: green, yellow, red.");
        }
        var from = errors.Instant("from", q.From);
        var to = errors.Instant("to", q.To, endOfDay: true);
        filter = new IncidentFilter(parsed, from, to, lights);
        errors.Known("regionCode", q.RegionCode, reference.Regions, "region");
        errors.Known("departmentCode", q.DepartmentCode, reference.Departments, "department");
        errors.Known("matterCode", q.MatterCode, reference.Matters, "matter");
        if (from > to)
            errors.Add("from", "from must not be later than to.");
        errors.Paging(q.Page, q.PageSize, IncidentQuery.MaxPageSize);
        errors.MaxLength("q", q.Q, 100);
        if (q.Sort is { } sort && !IncidentQuery.Sorts.Contains(sort))
            errors.Add("sort", $"Unknown sort '{sort}'. Known: {string.Join(", ", IncidentQuery.Sorts)}.");
        return errors;
    }

    public async Task<PagedList<IncidentSummary>> ListAsync(IncidentQuery q, IncidentFilter filter, Jurisdiction caller, CancellationToken ct)
    {
        var query = db.Incidents.AsNoTracking().Where(IncidentAccess.Visible(caller));
        if (filter.Statuses.Count > 0)
        {
            var statuses = filter.Statuses;
            query = query.Where(i => statuses.Contains(i.Status));
        }
        if (q.RegionCode is { } regionCode)
            query = query.WithinRegion(reference.Regions[regionCode]);
        if (q.DepartmentCode is { } department)
            query = query.Where(i => i.Assignments.Any(a => a.DepartmentCode == department && a.Status != AssignmentStatus.Returned));
        if (q.MatterCode is { } matter)
            query = query.Where(i => i.MatterCode == matter);
        if (filter.From is { } from)
            query = query.Where(i => i.ReportedAt >= from);
        if (filter.To is { } to)
            query = query.Where(i => i.ReportedAt < to);
        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            var text = q.Q.Trim();
            query = query.Where(i => i.Number == text || i.Summary.Contains(text) || (i.Address != null && i.Address.Contains(text)));
        }

        var now = time.GetUtcNow();
        if (filter.Lights.Count > 0)
            query = query.WhereLight(filter.Lights, now);
        var lit = query.WithLight(now);

        var page = q.Page ?? 1;
        var size = q.PageSize ?? IncidentQuery.DefaultPageSize;
        var total = await lit.CountAsync(ct);
        var ordered = q.Sort == "urgency"
            ? lit.OrderByDescending(x => x.Light ?? -1).ThenBy(x => x.DueAt == null).ThenBy(x => x.DueAt).ThenBy(x => x.Incident.Number)
            : lit.OrderByDescending(x => x.Incident.ReportedAt).ThenByDescending(x => x.Incident.Id);
        var items = await ordered
            .Select(x => new IncidentSummary(
                x.Incident.Id, x.Incident.Number, x.Incident.Status, x.Incident.MatterCode, x.Incident.TownshipCode ?? x.Incident.CountyCode,
                x.Incident.GridCode, x.Incident.HandlingCenterCode,
                x.Incident.Assignments.Where(a => a.Role == AssignmentRole.Lead && a.Status != AssignmentStatus.Returned).Select(a => a.DepartmentCode).FirstOrDefault(),
                x.Incident.Priority, x.Incident.Summary, x.Incident.Lat, x.Incident.Lon, x.Incident.ReportCount, x.Incident.ReportedAt, x.Incident.UpdatedAt,
                (TrafficLight?)x.Light, x.DueAt))
            .PageAsync(page, size, ct);
        return new PagedList<IncidentSummary>(items, total, page, size);
    }
}

/// <summary>The parsed form of the filters that need parsing.</summary>
public sealed record IncidentFilter(IReadOnlyList<IncidentStatus> Statuses, DateTimeOffset? From, DateTimeOffset? To, IReadOnlyList<TrafficLight> Lights);
