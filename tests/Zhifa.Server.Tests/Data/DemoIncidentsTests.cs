using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Incidents;
using Zhifa.Core.Time;
using Zhifa.Data;
using Zhifa.Server.Data.Seeding;
using Zhifa.Server.Features.Analysis;
using Zhifa.Server.Features.Analysis.Hotspots;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Data;

/// <summary>The demo history fills a server of its own: the shared one's tests count their own incidents.</summary>
[CollectionDefinition(Name)]
public sealed class DemoIncidentsCollection : ICollectionFixture<ZhifaApp>
{
    public const string Name = "demo-incidents";
}

/// <summary>
/// Development's demo history (the test host runs as Testing, so it seeds it here by hand): about 600
/// incidents over 60 days in every fate, counted by the ledger into the indicators, and seeded once only.
/// </summary>
[Collection(DemoIncidentsCollection.Name)]
public sealed class DemoIncidentsTests(ZhifaApp app)
{
    private HttpClient Dispatcher { get; } = app.Cast.As(Cast.CityDispatcher);

    [Fact]
    public async Task History_OnAnEmptyDatabase_SpansSixtyDaysInEveryFate()
    {
        await SeedAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
        var now = app.Time.GetUtcNow();
        var incidents = await db.Incidents.AsNoTracking().Include(i => i.Deadlines).ToListAsync();

        Assert.InRange(incidents.Count, 550, 650);
        Assert.All(incidents, i => Assert.InRange(i.ReportedAt, now.AddDays(-DemoIncidents.Days), now));
        Assert.True(incidents.Select(i => PlatformTime.LocalDate(i.ReportedAt)).Distinct().Count() >= 50, "reports fall on most of the 60 days");
        Assert.Equal(incidents.Count, incidents.Select(i => i.Number).Distinct().Count());
        Assert.All(incidents, i => Assert.Matches(@"^\d{6}-\d{8}-\d{4}$", i.Number));
        var statuses = incidents.GroupBy(i => i.Status).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(statuses.GetValueOrDefault(IncidentStatus.Closed) > incidents.Count / 2, "most cases have closed");
        Assert.True(statuses.GetValueOrDefault(IncidentStatus.Rejected) > 0);
        Assert.True(statuses.GetValueOrDefault(IncidentStatus.Merged) > 0);
        Assert.All(incidents.Where(i => i.Status == IncidentStatus.Merged), i => Assert.NotNull(i.MergedIntoId));
        var openOverdue = incidents.Count(i => IncidentLifecycle.IsOpen(i.Status) && i.Deadlines.Any(d => d.IsOpen && d.DueAt < now));
        Assert.True(openOverdue > 0, "some open cases are overdue now");
        Assert.True(incidents.Count(i => i.ReworkCount > 0) > 0, "some cases were reworked");
        Assert.True(incidents.Count(i => i.ReturnCount > 0) > 0, "some cases were returned");
        Assert.True(await db.ExtensionRequests.AnyAsync(e => e.Status == ExtensionStatus.Approved), "some cases were extended");
        // Every step of the history lies in the past, in order.
        var timeline = await db.Set<TimelineEntry>().AsNoTracking().ToListAsync();
        Assert.All(timeline, t => Assert.True(t.At <= now, $"{t.Action} at {t.At} is after now"));
        Assert.All(timeline.GroupBy(t => t.IncidentId), g => Assert.Equal(g.OrderBy(t => t.Seq).Select(t => t.At), g.OrderBy(t => t.At).ThenBy(t => t.Seq).Select(t => t.At)));
    }

    [Fact]
    public async Task Indicators_ForTheLast30Days_CountTheHistoryWithSomeWorkLate()
    {
        await SeedAsync();
        var today = PlatformTime.LocalDate(app.Time.GetUtcNow());

        var report = await (await Dispatcher.GetAsync(
            $"/api/v1/analysis/indicators?groupBy=department&from={today.AddDays(-29):yyyy-MM-dd}&to={today:yyyy-MM-dd}")).ReadAsync<IndicatorReportView>();

        Assert.True(report.Total.Received > 0);
        Assert.True(report.Total.Closed > 0);
        Assert.True(report.Total.ClosedOnTime > 0);
        Assert.InRange(report.Total.OnTimeRate!.Value, 0.01, 0.99);
        Assert.True(report.Rows.Count > 5, "several departments have work");
    }

    [Fact]
    public async Task ChronicPlaces_AfterTheHistory_NameTheRepeatedStreetVending()
    {
        await SeedAsync();

        var chronic = await (await Dispatcher.GetAsync("/api/v1/analysis/chronic")).ReadAsync<ChronicView>();

        Assert.Contains(chronic.Places, p => p.MatterCode == DemoIncidentPlan.ChronicMatter && p.Count >= 3);
    }

    [Fact]
    public async Task Seeding_ASecondTime_AddsNothing()
    {
        await SeedAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
        var before = await db.Incidents.CountAsync();

        var added = await scope.ServiceProvider.GetRequiredService<DemoIncidents>().SeedAsync(CancellationToken.None);

        Assert.Equal(0, added);
        Assert.Equal(before, await db.Incidents.CountAsync());
    }

    /// <summary>Seeds once for the collection's server; after the first, the seeder finds incidents and adds none.</summary>
    private async Task SeedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoIncidents>().SeedAsync(CancellationToken.None);
    }
}
