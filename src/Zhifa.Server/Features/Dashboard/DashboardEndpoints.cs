using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Access;
using Zhifa.Core.Incidents;
using Zhifa.Core.Organization;
using Zhifa.Core.Time;
using Zhifa.Data;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Deadlines;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Dashboard;

public sealed record DashboardToday(int Received, int Dispatched, int Closed, int Open, int Overdue);
public sealed record DashboardDay(DateOnly Date, int Received, int Closed);
public sealed record DashboardMatter(string MatterCode, string? Name, int Count);
public sealed record DashboardDepartment(string DepartmentCode, string? Name, int Closed, int ClosedOnTime, double OnTimeRate);
public sealed record DashboardMarker(Guid Id, string Number, double Lat, double Lon, IncidentStatus Status, TrafficLight? Light);
public sealed record DashboardIncident(Guid Id, string Number, string Summary, IncidentStatus Status, DateTimeOffset ReportedAt);
public sealed record DashboardView(DashboardToday Today, DashboardDay[] Trend, DashboardMatter[] TopMatters,
    DashboardDepartment[] Departments, DashboardMarker[] Markers, DashboardIncident[] Latest);

/// <summary>
/// The one-screen dashboard (一屏): today's counts, the last 30 days, the busiest matters, the departments'
/// on-time rates, the open incidents on the map and the newest ones, all within the caller's jurisdiction.
/// Plain queries for now; aggregates come later.
/// </summary>
public static class DashboardEndpoints
{
    public const int Days = 30;
    public const int MaxMarkers = 2000;

    private static readonly IncidentStatus[] Ended = [IncidentStatus.Closed, IncidentStatus.Rejected, IncidentStatus.Merged];

    public static void MapDashboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/dashboard", GetAsync).WithTags("Dashboard").RequireAuthorization(AccessPolicies.ReadDashboard)
            .WithSummary("The one-screen dashboard of the caller's jurisdiction");
    }

    private static async Task<DashboardView> GetAsync(ZhifaDbContext db, ReferenceData reference, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = PlatformTime.LocalDate(now);
        var dayStart = PlatformTime.StartOf(today);
        var since = PlatformTime.StartOf(today.AddDays(-(Days - 1)));
        var visible = db.Incidents.AsNoTracking().Where(IncidentAccess.Visible(http.Jurisdiction()));

        var received = await visible.CountAsync(i => i.ReportedAt >= dayStart, ct);
        var closed = await visible.CountAsync(i => i.ClosedAt != null && i.ClosedAt >= dayStart, ct);
        var dispatched = await visible.CountAsync(i => i.Assignments.Any(a => a.AssignedAt >= dayStart), ct);
        var open = visible.Where(i => !Ended.Contains(i.Status));
        var openCount = await open.CountAsync(ct);
        var overdue = await open.CountAsync(i => i.Deadlines.Any(d => d.EndedAt == null && (d.PausedAt ?? now) >= d.DueAt), ct);

        var reportedTimes = await visible.Where(i => i.ReportedAt >= since).Select(i => i.ReportedAt).ToListAsync(ct);
        var closedTimes = await visible.Where(i => i.ClosedAt != null && i.ClosedAt >= since).Select(i => i.ClosedAt!.Value).ToListAsync(ct);
        var receivedByDay = reportedTimes.CountBy(PlatformTime.LocalDate).ToDictionary();
        var closedByDay = closedTimes.CountBy(PlatformTime.LocalDate).ToDictionary();
        var trend = Enumerable.Range(0, Days).Select(n => today.AddDays(n - (Days - 1)))
            .Select(d => new DashboardDay(d, receivedByDay.GetValueOrDefault(d), closedByDay.GetValueOrDefault(d))).ToArray();

        var matters = await visible.Where(i => i.ReportedAt >= since && i.MatterCode != null)
            .GroupBy(i => i.MatterCode!).Select(g => new { Code = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Code).Take(10).ToListAsync(ct);
        var topMatters = matters.Select(m => new DashboardMatter(m.Code, reference.Matters.GetValueOrDefault(m.Code)?.Name, m.Count)).ToArray();

        // On time: the handle clock (办结时限) ended met before it was due.
        var closings = await visible.Where(i => i.Status == IncidentStatus.Closed && i.ClosedAt != null && i.ClosedAt >= since)
            .Select(i => new
            {
                Department = i.Assignments.Where(a => a.Role == AssignmentRole.Lead && a.Status != AssignmentStatus.Returned)
                    .OrderByDescending(a => a.AssignedAt).Select(a => a.DepartmentCode).FirstOrDefault(),
                OnTime = i.Deadlines.Any(d => d.Kind == DeadlineKind.Handle && d.Outcome == DeadlineOutcome.Met && d.EndedAt != null && d.EndedAt <= d.DueAt),
            }).ToListAsync(ct);
        var departments = closings.Where(c => c.Department != null).GroupBy(c => c.Department!)
            .Select(g => new DashboardDepartment(g.Key, reference.Departments.GetValueOrDefault(g.Key)?.Name, g.Count(), g.Count(c => c.OnTime),
                Math.Round((double)g.Count(c => c.OnTime) / g.Count(), 4)))
            .OrderByDescending(d => d.OnTimeRate).ThenByDescending(d => d.Closed).ThenBy(d => d.DepartmentCode, StringComparer.Ordinal).ToArray();

        var markers = (await open.OrderByDescending(i => i.ReportedAt).Take(MaxMarkers).WithLight(now)
                .Select(l => new { l.Incident.Id, l.Incident.Number, l.Incident.Lat, l.Incident.Lon, l.Incident.Status, l.Light }).ToListAsync(ct))
            .Select(m => new DashboardMarker(m.Id, m.Number, m.Lat, m.Lon, m.Status, m.Light is { } light ? (TrafficLight)light : null)).ToArray();

        var latest = (await visible.OrderByDescending(i => i.ReportedAt).ThenByDescending(i => i.Number).Take(10)
                .Select(i => new { i.Id, i.Number, i.Summary, i.Status, i.ReportedAt }).ToListAsync(ct))
            .Select(i => new DashboardIncident(i.Id, i.Number, i.Summary, i.Status, i.ReportedAt)).ToArray();

        return new DashboardView(new DashboardToday(received, dispatched, closed, openCount, overdue), trend, topMatters, departments, markers, latest);
    }
}
