using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Incidents;
using Zhifa.Core.Supervision;
using Zhifa.Server.Features.Notifications;
using Xunit.Abstractions;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Processes;

/// <summary>
/// Two server processes on one database, both running the supervision worker, climb each due clock's
/// ladder once between them: one notice per (clock, level), one inbox notification per notice, one
/// outbound message per notification and channel. Both nodes share the PostgreSQL database, or the
/// SQLite file, whose writers take turns: the sweep's claim is meant to hold on both.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed partial class TwoNodeTests(ITestOutputHelper output)
{
    private const int Incidents = 200;
    private const int Senders = 4;

    [Fact]
    public async Task Supervision_WhenTwoNodesSweepTheSameDueClocks_IssuesEachStepOnce()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var database = await TestDatabase.CreateAsync();
        // The server has no clock to move: the clocks are made due by moving their moments into the past.
        await using (var intake = await ServerProcess.StartAsync(database, "intake-node"))
            await ReportAsync(intake, await ProcessData.SpotsAsync(database, Incidents));
        output.WriteLine($"{Incidents} incidents reported at {clock.Elapsed}");
        var expected = await MakeDueAsync(database);
        Assert.Equal(Incidents, expected.Count);

        var workers = new Dictionary<string, string> { ["Supervision__WorkerEnabled"] = "true", ["Supervision__PollSeconds"] = "1" };
        // Both start together, so that their workers' first passes meet over the same due clocks.
        var nodes = await ServerProcess.StartAllAsync(database, workers, "node-a", "node-b");
        output.WriteLine($"Both nodes ready at {clock.Elapsed}");
        try
        {
            var issued = await ProcessData.EventuallyAsync(async () => await NoticeCountAsync(database) >= expected.Count, TimeSpan.FromSeconds(45));
            // Once ended, neither node can add a late second step: what is counted below is final.
            foreach (var node in nodes)
                await node.KillAsync();
            output.WriteLine($"Every step issued at {clock.Elapsed}");
            Assert.True(issued, $"Only {await NoticeCountAsync(database)} of {expected.Count} steps were issued.\n{Logs(nodes)}");
        }
        finally
        {
            foreach (var node in nodes)
                await node.DisposeAsync();
        }

        await using var db = ProcessData.Open(database);
        var notices = await db.SupervisionNotices.AsNoTracking().ToListAsync();
        Assert.Equal(expected.Count, notices.Count);
        Assert.All(notices, n => Assert.Equal(expected[n.DeadlineId!.Value], n.Level));
        Assert.Equal(notices.Count, notices.Select(n => (n.DeadlineId, n.Level)).Distinct().Count());
        var numbered = notices.Where(n => n.Number is not null).Select(n => n.Number).ToList();
        Assert.Equal(notices.Count(n => n.Level != SupervisionLevel.Reminder), numbered.Count);
        Assert.Equal(numbered.Count, numbered.Distinct().Count());
        var clocks = await db.Deadlines.AsNoTracking().Where(d => expected.Keys.Contains(d.Id)).ToListAsync();
        Assert.All(clocks, d => Assert.Equal((int)expected[d.Id] + 1, d.Stage));

        // Each notice reached its addressee's inbox once (a clock per incident, so one per incident).
        var kinds = new[] { NotificationKinds.Reminder, NotificationKinds.Supervision };
        var inbox = await db.Notifications.AsNoTracking().Where(n => kinds.Contains(n.Kind)).Select(n => new { n.Id, n.IncidentId }).ToListAsync();
        Assert.Equal(notices.Count, inbox.Count);
        Assert.Equal(notices.Select(n => n.IncidentId).Order(), inbox.Select(n => n.IncidentId!.Value).Order());

        // And went out by each external channel at most once, whichever node sent it.
        var sent = nodes.SelectMany(n => n.Lines(SentLine().IsMatch)).Select(l => SentLine().Match(l))
            .Select(m => (Channel: m.Groups["channel"].Value, Notification: Guid.Parse(m.Groups["id"].Value))).ToList();
        Assert.NotEmpty(sent);
        Assert.Equal(sent.Count, sent.Distinct().Count());
        Assert.All(sent, s => Assert.Contains(s.Notification, inbox.Select(n => n.Id)));
        foreach (var node in nodes)
            output.WriteLine($"{node.Name} sent {node.Lines(SentLine().IsMatch).Count} of the {sent.Count} outbound messages; " +
                $"{node.Lines(l => l.Contains("was issued elsewhere", StringComparison.Ordinal)).Count} steps refused by the unique index, " +
                $"{node.Lines(l => l.Contains("pass failed", StringComparison.Ordinal)).Count} failed passes");
    }

    /// <summary>Reports one clue per spot, each dispatched at once with its accept-by clock running.</summary>
    private static async Task ReportAsync(ServerProcess intake, IReadOnlyList<(double Lat, double Lon)> spots)
    {
        var next = -1;
        var refused = new ConcurrentBag<string>();
        async Task SendAsync()
        {
            using var client = ProcessData.Hotline(intake);
            for (var i = Interlocked.Increment(ref next); i < spots.Count; i = Interlocked.Increment(ref next))
            {
                using var response = await client.PostJsonAsync("/api/v1/clues", new
                {
                    channel = "hotline12345",
                    text = $"市民来电第{i}号：河道内发现地笼，疑似非法捕捞",
                    matterCode = "SY01",
                    lat = spots[i].Lat,
                    lon = spots[i].Lon,
                });
                if (!response.IsSuccessStatusCode)
                    refused.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => Task.Run(SendAsync)));
        Assert.Empty(refused);
    }

    /// <summary>
    /// Moves every running clock's moments into the past, as a stopped worker would find them: half
    /// only yellow (a reminder is due), half red as well (a numbered notice is due). The next steps
    /// (level 2 a working day after red) stay ahead, so each clock owes exactly one step.
    /// </summary>
    private static async Task<Dictionary<Guid, SupervisionLevel>> MakeDueAsync(TestDatabase database)
    {
        await using var db = ProcessData.Open(database);
        var now = DateTimeOffset.UtcNow;
        var clocks = await db.Deadlines.Where(d => d.EndedAt == null && d.Stage == 0).OrderBy(d => d.Id).ToListAsync();
        var expected = new Dictionary<Guid, SupervisionLevel>();
        foreach (var (clock, i) in clocks.Select((c, i) => (c, i)))
        {
            var red = i % 2 == 1;
            var entry = db.Entry(clock);
            entry.Property(d => d.YellowAt).CurrentValue = now.AddHours(-2);
            entry.Property(d => d.DueAt).CurrentValue = red ? now.AddMinutes(-1) : now.AddDays(2);
            entry.Property(d => d.NextEffectAt).CurrentValue = now.AddHours(-2);
            expected[clock.Id] = red ? SupervisionLevel.Notice : SupervisionLevel.Reminder;
        }
        await db.SaveChangesAsync();
        return expected;
    }

    private static async Task<int> NoticeCountAsync(TestDatabase database)
    {
        await using var db = ProcessData.Open(database);
        return await db.SupervisionNotices.CountAsync();
    }

    private static string Logs(IEnumerable<ServerProcess> nodes) => string.Join('\n', nodes.Select(n => n.Output));

    [GeneratedRegex(@"Would send by (?<channel>\S+) .*\[notification (?<id>[0-9a-fA-F-]{36}),")]
    private static partial Regex SentLine();
}
