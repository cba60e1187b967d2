using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Access;
using Zhifa.Core.Incidents;
using Zhifa.Core.Organization;
using Zhifa.Core.Time;
using Zhifa.Data;
using Zhifa.Server.Features.Analysis;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Deadlines;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Dashboard;

public sealed record DashboardToday(int Received, int Dispatched, int Closed, int Open, int Overdue);
public sealed record DashboardDay(DateOnly Date, int Received, int Closed);
public sealed record DashboardMatter(string MatterCode, string? Name, int Count);
/// <param name="OpenOverdue">Open and past its handle clock's due now: it counts against <paramref name="OnTimeRate"/>.</param>
public sealed record DashboardDepartment(string DepartmentCode, string? Name, int Closed, int ClosedOnTime, double OnTimeRate, int OpenOverdue);
public sealed record DashboardMarker(Guid Id, string Number, double Lat, double Lon, IncidentStatus Status, TrafficLight? Light);
public sealed record DashboardIncident(Guid Id, string Number, string Summary, IncidentStatus Status, DateTimeOffset ReportedAt);
public sealed record DashboardView(DashboardToday Today, DashboardDay[] Trend, DashboardMatter[] TopMatters,
    DashboardDepartment[] Departments, DashboardMarker[] Markers, DashboardIncident[] Latest);

/// <summary>
/// The one-screen dashboard (一屏): today's counts, the last 30 days, the busiest matters, the departments'
/// on-time rates, the open incidents on the map and the newest ones, all within the caller's jurisdiction.
/// The figures are the situation indicators (docs/indicators.md) of the caller's region, so that they
/// agree with the analysis page: received, dispatched and closed today are the indicators of today;
/// overdue is the open work past its handle clock's due now (<c>openOverdue</c>); a department's on-time
/// rate over the 30 days is closed on time ÷ (closed + open overdue), so open overdue work counts against
/// it, and a department with neither is not listed. The open count, the map's markers and the newest
/// incidents are read from the incidents themselves.
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

    private static async Task<DashboardView> GetAsync(ZhifaDbContext db, IndicatorService indicators, ReferenceData reference, TimeProvider time,
        HttpContext http, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = PlatformTime.LocalDate(now);
        var jurisdiction = http.Jurisdiction();
        var visible = db.Incidents.AsNoTracking().Where(IncidentAccess.Visible(jurisdiction));
        var open = visible.Where(i => !Ended.Contains(i.Status));
        var openCount = await open.CountAsync(ct);

        // A reader without a region of their own has no figures, only what their jurisdiction lets them see.
        var (counts, trend, topMatters, departments) = AnalysisRegion.Resolve(null, jurisdiction, reference) is AnalysisRegion.Resolution.Found found
            ? await FiguresAsync(db, indicators, found.Region, today, ct)
            : Nothing(today);

        var markers = (await open.OrderByDescending(i => i.ReportedAt).Take(MaxMarkers).WithLight(now)
                .Select(l => new { l.Incident.Id, l.Incident.Number, l.Incident.Lat, l.Incident.Lon, l.Incident.Status, l.Light }).ToListAsync(ct))
            .Select(m => new DashboardMarker(m.Id, m.Number, m.Lat, m.Lon, m.Status, m.Light is { } light ? (TrafficLight)light : null)).ToArray();

        var latest = (await visible.OrderByDescending(i => i.ReportedAt).ThenByDescending(i => i.Number).Take(10)
                .Select(i => new { i.Id, i.Number, i.Summary, i.Status, i.ReportedAt }).ToListAsync(ct))
            .Select(i => new DashboardIncident(i.Id, i.Number, i.Summary, i.Status, i.ReportedAt)).ToArray();

        return new DashboardView(new DashboardToday(counts.Received, counts.Dispatched, counts.Closed, openCount, counts.OpenOverdue),
            trend, topMatters, departments, markers, latest);
    }

    private static async Task<(IndicatorFigures Today, DashboardDay[] Trend, DashboardMatter[] TopMatters, DashboardDepartment[] Departments)> FiguresAsync(
        ZhifaDbContext db, IndicatorService indicators, AnalysisRegion region, DateOnly today, CancellationToken ct)
    {
        var days = new IndicatorPeriod(today.AddDays(1 - Days), today);
        var todays = await indicators.ReportAsync(IndicatorGrouping.Channel, region, new IndicatorPeriod(today, today), ct);
        var trend = (await IndicatorTrend.DaysAsync(db, region, days, ct))
            .Select(d => new DashboardDay(d.Date, (int)d.Received, (int)d.Closed)).ToArray();
        var matters = await indicators.ReportAsync(IndicatorGrouping.Matter, region, days, ct);
        var topMatters = matters.Rows.Where(r => r.Key.Length > 0 && r.Current.Received > 0)
            .OrderByDescending(r => r.Current.Received).ThenBy(r => r.Key, StringComparer.Ordinal).Take(10)
            .Select(r => new DashboardMatter(r.Key, r.Name, r.Current.Received)).ToArray();
        var byDepartment = await indicators.ReportAsync(IndicatorGrouping.Department, region, days, ct);
        var departments = byDepartment.Rows.Where(r => r.Key.Length > 0 && r.Current.OnTimeRate is not null)
            .Select(r => new DashboardDepartment(r.Key, r.Name, r.Current.Closed, r.Current.ClosedOnTime, Math.Round(r.Current.OnTimeRate!.Value, 4),
                r.Current.OpenOverdue))
            .OrderByDescending(d => d.OnTimeRate).ThenByDescending(d => d.Closed).ThenBy(d => d.DepartmentCode, StringComparer.Ordinal).ToArray();
        return (IndicatorFigures.Of(todays.Total.Current), trend, topMatters, departments);
    }

    private static (IndicatorFigures, DashboardDay[], DashboardMatter[], DashboardDepartment[]) Nothing(DateOnly today) =>
        (new IndicatorFigures(0, 0, 0, 0, 0, 0, null, null, null, null, null, null, null, null),
            [.. Enumerable.Range(0, Days).Select(n => new DashboardDay(today.AddDays(n - (Days - 1)), 0, 0))], [], []);
}
