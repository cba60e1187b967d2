using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Zhifa.Core.Incidents;
using Zhifa.Data;
using Zhifa.Server.Observability;
using Zhifa.Server.Tests.Deadlines;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Observability;

/// <summary>
/// The platform's instruments move as work is done. Read from the host's own meters: the suite runs
/// many hosts in one process, whose same-named meters a scrape cannot tell apart, so the scrape itself
/// is tested on a server process of its own (<c>Processes/MetricsScrapeTests</c>).
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class MetricsTests(ZhifaApp app)
{
    private readonly Scenario _scenario = new(app);

    [Fact]
    public async Task AReportedClue_IsCountedAsReceived_AndItsTransitionsAsTransitions()
    {
        using var clues = Collect<long>("zhifa.clues.received");
        using var transitions = Collect<long>("zhifa.incident.transitions");

        await _scenario.ReportAsync(channel: "grid");

        var clue = Assert.Single(clues.GetMeasurementSnapshot());
        Assert.Equal((1L, "grid", false), (clue.Value, clue.Tags["channel"], clue.Tags["joined"]));
        Assert.Contains(transitions.GetMeasurementSnapshot(), t => Equals(t.Tags["action"], "report") && Equals(t.Tags["to_status"], "Reported"));
    }

    [Fact]
    public async Task QueueDepths_AreTheDatabasesCounts_AtTheLastSample()
    {
        await _scenario.InStatusAsync(IncidentStatus.Disputed);
        using var depth = Collect<long>("zhifa.queue.depth");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();

        await app.Services.GetRequiredService<QueueDepths>().SampleAsync(db, app.Time.GetUtcNow(), CancellationToken.None);
        depth.RecordObservableInstruments();

        var disputed = await db.Incidents.LongCountAsync(i => i.Status == IncidentStatus.Disputed);
        Assert.True(disputed >= 1);
        long Queue(string name) => depth.GetMeasurementSnapshot().Last(m => Equals(m.Tags["queue"], name)).Value;
        Assert.Equal(disputed, Queue("awaiting_ruling"));
        Assert.Equal(await db.Incidents.LongCountAsync(i => i.Status == IncidentStatus.Reported), Queue("awaiting_dispatch"));
    }

    [Fact]
    public async Task ASupervisionStepIssuedLate_RecordsHowLate()
    {
        app.NextMonday(new TimeOnly(9, 0));
        var incident = await _scenario.ReportAsync();
        using var lag = Collect<double>("zhifa.deadline.lag");

        // The worker comes by ten minutes after the accept clock fell due: its notice is ten minutes late.
        app.MoveTo(incident.Open("accept").DueAt.AddMinutes(10));
        await app.SuperviseAsync();

        Assert.Contains(lag.GetMeasurementSnapshot(), m => m.Value >= 600);
    }

    [Theory]
    [InlineData("/metrics", "X-Forwarded-For")]
    [InlineData("/METRICS", "X-Real-IP")]
    public async Task AScrapePassedOnByAProxy_IsNotFound(string path, string header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(header, "203.0.113.5");

        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task AScrapeFromThisMachine_IsPrometheusText()
    {
        var response = await app.CreateClient().GetAsync(MetricsAccess.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void AMonitoringNetworkMistyped_StopsTheStartNamingTheSetting()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Observability:MetricsNetworks:0", "10.8.0.0/16"), new("Observability:MetricsNetworks:1", "10.8.0.0/40")]).Build();

        var error = Assert.Throws<InvalidOperationException>(() => new MetricsAccess(configuration));
        Assert.Contains("Observability:MetricsNetworks:1", error.Message);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:10.8.0.7", true)]
    [InlineData("10.8.0.7", true)]
    [InlineData("10.9.0.7", false)]
    [InlineData("203.0.113.5", false)]
    public void OnlyThisMachineAndTheMonitoringNetworks_MayScrape(string address, bool allowed)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Observability:MetricsNetworks:0", "10.8.0.0/16")]).Build();

        Assert.Equal(allowed, new MetricsAccess(configuration).Allows(IPAddress.Parse(address)));
    }

    /// <summary>What this host's instrument records from now on; the platform's meter is made first, so that there is one to follow.</summary>
    private MetricCollector<T> Collect<T>(string instrument) where T : struct
    {
        app.Services.GetRequiredService<PlatformMetrics>();
        return new MetricCollector<T>(app.Services.GetRequiredService<IMeterFactory>(), PlatformMetrics.Name, instrument);
    }
}
