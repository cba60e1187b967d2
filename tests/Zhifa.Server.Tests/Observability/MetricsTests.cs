using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Incidents;
using Zhifa.Data;
using Zhifa.Server.Observability;
using Zhifa.Server.Tests.Deadlines;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Observability;

/// <summary>
/// <c>/metrics</c> in Prometheus' text format, with the platform's own instruments moving as work is
/// done. Other tests may run in the same process meanwhile, so counters are compared as increases.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class MetricsTests(ZhifaApp app)
{
    private readonly Scenario _scenario = new(app);

    [Fact]
    public async Task AReportedClue_IsCountedAsReceived_AndItsTransitionsAsTransitions()
    {
        var before = await ScrapeAsync();

        await _scenario.ReportAsync(channel: "grid");

        var after = await ScrapeAsync();
        Assert.True(Sum(after, "zhifa_clues_received_total", "channel=\"grid\"", "joined=\"false\"")
            >= Sum(before, "zhifa_clues_received_total", "channel=\"grid\"", "joined=\"false\"") + 1);
        Assert.True(Sum(after, "zhifa_incident_transitions_total") >= Sum(before, "zhifa_incident_transitions_total") + 1);
        Assert.Contains("# TYPE zhifa_clues_received_total counter", after);
    }

    [Fact]
    public async Task TheScrape_IsPrometheusText_WithTheServersOwnRequestMetrics()
    {
        var response = await app.CreateClient().GetAsync(MetricsAccess.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("http_server_request_duration_seconds_bucket", text);
    }

    [Fact]
    public async Task QueueDepths_AreTheDatabasesCounts_AtTheLastSample()
    {
        await _scenario.InStatusAsync(IncidentStatus.Disputed);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
        var depths = app.Services.GetRequiredService<QueueDepths>();

        await depths.SampleAsync(db, app.Time.GetUtcNow(), CancellationToken.None);

        var disputed = await db.Incidents.LongCountAsync(i => i.Status == IncidentStatus.Disputed);
        Assert.True(disputed >= 1);
        Assert.Equal(disputed, depths.Last["awaiting_ruling"]);
        Assert.Equal(await db.Incidents.LongCountAsync(i => i.Status == IncidentStatus.Reported), depths.Last["awaiting_dispatch"]);
        Assert.Contains($"zhifa_queue_depth{{otel_scope_name=\"Zhifa\",queue=\"awaiting_ruling\"}} {disputed}\n", await ScrapeAsync());
    }

    [Fact]
    public async Task ASupervisionStepIssuedLate_RecordsHowLate()
    {
        app.NextMonday(new TimeOnly(9, 0));
        var incident = await _scenario.ReportAsync();
        var before = await ScrapeAsync();

        // The worker comes by ten minutes after the accept clock fell due: its notice is ten minutes late.
        app.MoveTo(incident.Open("accept").DueAt.AddMinutes(10));
        await app.SuperviseAsync();

        var after = await ScrapeAsync();
        Assert.True(Sum(after, "zhifa_deadline_lag_seconds_count") >= Sum(before, "zhifa_deadline_lag_seconds_count") + 1);
        Assert.True(Sum(after, "zhifa_deadline_lag_seconds_sum") >= Sum(before, "zhifa_deadline_lag_seconds_sum") + 600);
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
    public void AMonitoringNetworkMistyped_StopsTheStartNamingTheSetting()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Observability:MetricsNetworks:0", "10.8.0.0/16"), new("Observability:MetricsNetworks:1", "10.8.0.0/40")]).Build();

        var error = Assert.Throws<InvalidOperationException>(() => new MetricsAccess(configuration));
        Assert.Contains("Observability:MetricsNetworks:1", error.Message);
    }

    private async Task<string> ScrapeAsync() => await app.CreateClient().GetStringAsync(MetricsAccess.Path);

    /// <summary>The sum of a metric's samples whose labels include every one of <paramref name="labels"/>.</summary>
    private static double Sum(string scrape, string metric, params string[] labels) =>
        scrape.Split('\n').Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))
            .Where(line => labels.All(line.Contains))
            .Sum(line => double.Parse(line.Split(' ')[^1] is var v && v.Length > 0 ? v : line.Split(' ')[^2], CultureInfo.InvariantCulture));
}
