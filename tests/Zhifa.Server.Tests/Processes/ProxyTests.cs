using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Processes;

/// <summary>
/// Behind a reverse proxy on the same machine (a server process reached from loopback, as nginx
/// reaches it), the client is the one the proxy names: the audit trail records that address, and a
/// scrape of <c>/metrics</c> passed on for someone outside is not found.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class ProxyTests
{
    private const string Client = "203.0.113.9";

    [Fact]
    public async Task ARequestPassedOnByALocalProxy_IsTheClientsItNames()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var server = await ServerProcess.StartAsync(database, "proxied-node");
        using var hotline = ProcessData.Hotline(server);
        var spot = (await ProcessData.SpotsAsync(database, 1))[0];
        var clue = ProcessData.HotlineClue("proxied-1", "市民来电：小区门口垃圾外溢无人清运", "SR03", spot);
        using var report = new HttpRequestMessage(HttpMethod.Post, "/api/v1/clues") { Content = JsonContent.Create(clue, options: Json.Options) };
        report.Headers.Add("X-Forwarded-For", Client);

        (await hotline.SendAsync(report)).EnsureSuccessStatusCode();

        Assert.True(await ProcessData.EventuallyAsync(async () =>
        {
            await using var db = ProcessData.Open(database);
            return await db.AuditEntries.AnyAsync(e => e.Ip == Client && e.Action.Contains("clues"));
        }, TimeSpan.FromSeconds(20)), "The audit trail did not record the client the proxy named.");
        using var scrape = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        scrape.Headers.Add("X-Forwarded-For", Client);
        using var scraper = server.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await scraper.SendAsync(scrape)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await scraper.GetAsync("/metrics")).StatusCode);
    }
}
