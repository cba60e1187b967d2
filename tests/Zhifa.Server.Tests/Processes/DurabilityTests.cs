using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Processes;

/// <summary>
/// A server killed with SIGKILL while clues pour in keeps every clue it acknowledged, each once: an
/// answer of 2xx means the clue was committed, not merely queued. On the suite's database provider
/// (SQLite, or PostgreSQL when ZHIFA_TEST_POSTGRES is set).
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class DurabilityTests(ITestOutputHelper output)
{
    private const int Senders = 4;
    private const int KillAfter = 60;
    private const int MaxClues = 400;

    [Fact]
    public async Task Intake_WhenServerKilledMidStream_KeepsEveryAcknowledgedClueExactlyOnce()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var database = await TestDatabase.CreateAsync();
        var acknowledged = new ConcurrentDictionary<int, ClueAccepted>();
        var bodies = new ConcurrentDictionary<int, ClueRequest>();
        var cutOff = new ConcurrentBag<int>();
        await using (var server = await ServerProcess.StartAsync(database, "node-before-kill"))
        {
            var spots = await ProcessData.SpotsAsync(database, MaxClues);
            var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var next = -1;
            async Task SendAsync()
            {
                using var client = ProcessData.Hotline(server);
                for (var i = Interlocked.Increment(ref next); i < MaxClues; i = Interlocked.Increment(ref next))
                {
                    var body = Clue(i, spots[i]);
                    bodies[i] = body;
                    try
                    {
                        using var response = await PostAsync(client, body, i);
                        Assert.True(response.IsSuccessStatusCode, $"Clue {i} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                        acknowledged[i] = await response.ReadAsync<ClueAccepted>();
                        if (acknowledged.Count >= KillAfter)
                            enough.TrySetResult();
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        // The connection died with the process: this clue may or may not have been committed.
                        cutOff.Add(i);
                        return;
                    }
                }
            }
            var senders = Enumerable.Range(0, Senders).Select(_ => Task.Run(SendAsync)).ToArray();
            await Task.WhenAny(enough.Task, Task.WhenAll(senders)).WaitAsync(TimeSpan.FromSeconds(60));
            await server.KillAsync();
            await Task.WhenAll(senders);
            output.WriteLine($"Killed at {clock.Elapsed} with {acknowledged.Count} clues acknowledged and {cutOff.Count} cut off");
            Assert.True(acknowledged.Count >= KillAfter, $"Only {acknowledged.Count} clues were acknowledged before the kill.\n{server.Output}");
            Assert.True(acknowledged.Count < MaxClues, "Every clue was sent before the kill; the kill proved nothing.");
        }

        await using var restarted = await ServerProcess.StartAsync(database, "node-after-kill");
        using var hotline = ProcessData.Hotline(restarted);
        Assert.Equal(HttpStatusCode.OK, (await hotline.GetAsync("/health/ready")).StatusCode);
        output.WriteLine($"Restarted and ready at {clock.Elapsed}");
        var stored = await StoredAsync(database);
        Assert.All(acknowledged, a =>
        {
            Assert.True(stored.TryGetValue(ExternalId(a.Key), out var rows), $"Acknowledged clue {a.Key} was lost.\n{restarted.Output}");
            Assert.Equal([a.Value.ClueId], rows);
        });
        // Sent but cut off: kept once or not at all, never twice; and nothing was stored that was not sent.
        Assert.All(stored, s => Assert.Single(s.Value));
        Assert.All(stored.Keys, id => Assert.Contains(id, bodies.Keys.Select(ExternalId)));

        // A client that missed the answer retries with its Idempotency-Key after the restart: it gets
        // the first result back and no second clue, whether or not the first attempt was answered.
        var retried = acknowledged.Keys.Take(5).Concat(cutOff).ToList();
        foreach (var i in retried)
        {
            using var again = await PostAsync(hotline, bodies[i], i);
            Assert.True(again.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"Retry of clue {i} answered {(int)again.StatusCode}.");
            var answer = await again.ReadAsync<ClueAccepted>();
            if (acknowledged.TryGetValue(i, out var first))
            {
                Assert.Equal(HttpStatusCode.OK, again.StatusCode);
                Assert.Equal(first, answer);
            }
        }
        var after = await StoredAsync(database);
        Assert.All(retried, i => Assert.Single(after[ExternalId(i)]));
        Assert.Equal(stored.Count + retried.Count(i => !stored.ContainsKey(ExternalId(i))), after.Count);
    }

    private static ClueRequest Clue(int i, (double Lat, double Lon) at) =>
        ProcessData.HotlineClue(ExternalId(i), $"市民来电第{i}号：河道内发现地笼，疑似非法捕捞", "SY01", at);

    private static string ExternalId(int i) => $"kill-test-{i}";

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, ClueRequest body, int i)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/clues") { Content = JsonContent.Create(body, options: Json.Options) };
        request.Headers.TryAddWithoutValidation(IntakeReplays.HeaderName, $"kill-test-key-{i}");
        return await client.SendAsync(request);
    }

    /// <summary>The clue rows stored for each of the test's external ids, read straight from the database.</summary>
    private static async Task<Dictionary<string, List<Guid>>> StoredAsync(TestDatabase database)
    {
        await using var db = ProcessData.Open(database);
        var rows = await db.Clues.AsNoTracking().Where(c => c.ExternalId != null && c.ExternalId.StartsWith("kill-test-"))
            .Select(c => new { c.ExternalId, c.Id }).ToListAsync();
        return rows.GroupBy(r => r.ExternalId!).ToDictionary(g => g.Key, g => g.Select(r => r.Id).ToList());
    }
}
