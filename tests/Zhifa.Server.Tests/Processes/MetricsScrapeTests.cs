using System.Net.Http.Json;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Processes;

/// <summary>
/// <c>/metrics</c> of a real server process, as Prometheus scrapes it: one host in its process, as in
/// service (the in-process tests share one process among many hosts, whose same-named meters the
/// exporter cannot tell apart).
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class MetricsScrapeTests
{
    [Fact]
    public async Task AScrape_CountsTheCluesTakenIn_TheirTransitions_AndTheRequestsServed()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var server = await ServerProcess.StartAsync(database, "scraped-node",
            new Dictionary<string, string> { ["Observability__SamplerEnabled"] = "true", ["Observability__SampleSeconds"] = "1" });
        using var hotline = ProcessData.Hotline(server);
        var spots = await ProcessData.SpotsAsync(database, 3);
        foreach (var (spot, n) in spots.Select((s, n) => (s, n)))
        {
            var clue = ProcessData.HotlineClue($"scrape-{n}", $"市民来电第{n}号：路口有流动摊贩占道经营", "SR01", spot);
            (await hotline.PostAsJsonAsync("/api/v1/clues", clue, Json.Options)).EnsureSuccessStatusCode();
        }
        using var scraper = server.Client();

        var scraped = "";
        Assert.True(await ProcessData.EventuallyAsync(async () =>
        {
            scraped = await scraper.GetStringAsync("/metrics");
            return scraped.Contains("zhifa_queue_depth{", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(30)), "No queue depth was sampled.");

        Assert.Contains("zhifa_clues_received_total{otel_scope_name=\"Zhifa\",channel=\"hotline12345\",joined=\"false\"} 3\n", scraped);
        Assert.Contains("zhifa_incident_transitions_total{otel_scope_name=\"Zhifa\",action=\"report\",to_status=\"Reported\"} 3\n", scraped);
        Assert.Contains("zhifa_queue_depth{otel_scope_name=\"Zhifa\",queue=\"deadline_steps_due\"}", scraped);
        Assert.Contains("http_server_request_duration_seconds_bucket{", scraped);
    }
}
