using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Incidents;
using Zhifa.Data;
using Zhifa.Server.Features.Audit;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Tests.Auth;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Audit;

/// <summary>
/// The audit trail: sign-ins, writes with their before and after, and unmasked reads are recorded
/// in a hash chain that /audit/verify recomputes; a row changed or removed in the database shows.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AuditTrailTests(ZhifaApp app)
{
    private readonly Scenario _scenario = new(app);

    private HttpClient Admin => app.Cast.As("admin");

    [Fact]
    public async Task SignIn_WhenSucceededOrFailed_IsRecordedUnderTheNameTried()
    {
        var user = await app.CreateUserAsync(Core.Organization.Role.Analyst);
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.LoginAsync(user.UserName, "Wrong-Passw0rd-2026")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync(user)).StatusCode);

        var entries = await EntriesOfAsync(user.UserName);
        Assert.Equal([("sign-in failed", 401), ("signed in", 200)], entries.OrderBy(e => e.Seq).Select(e => (e.Summary, e.Status)));
        Assert.All(entries, e => Assert.Equal("POST /api/v1/auth/login", e.Action));
    }

    [Fact]
    public async Task SignIn_WhenTheUserIsUnknown_KeepsNotTheNameTyped()
    {
        var typed = $"Secret-{Guid.NewGuid():N}";

        await app.CreateClient().LoginAsync(typed, "whatever-Passw0rd");

        Assert.Empty(await EntriesOfAsync(typed));
        Assert.Contains(await EntriesOfAsync("unknown user"), e => e.Summary == "sign-in failed: unknown user");
    }

    [Fact]
    public async Task Write_WhenItsBodyIsNotJson_IsRecordedWithTheRefusal()
    {
        var worker = await app.Cast.MakeAsync(Core.Organization.Role.GridWorker, "330503106-ZHZX");

        var response = await app.Cast.As(worker, AuthApi.TestPassword).PostRawJsonAsync("/api/v1/clues", "{not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var entry = Assert.Single(await EntriesOfAsync(worker), e => e.Action == "POST /api/v1/clues");
        Assert.Equal(400, entry.Status);
    }

    [Fact]
    public async Task Action_WhenTaken_IsRecordedWithWhoWhatAndBeforeAndAfter()
    {
        var incident = await _scenario.ReportAsync();

        await _scenario.DoAsync(incident.Id, "accept", new { note = "已签收" });

        var entry = (await EntriesOfAsync("officer.nanxun.nync")).Where(e => e.Target == incident.Id.ToString()).Single();
        Assert.Equal(("POST /api/v1/incidents/{id:guid}/accept", 200), (entry.Action, entry.Status));
        Assert.Equal($"Dispatched → InProgress, version {incident.Version} → {incident.Version + 1}", entry.Summary);
    }

    [Fact]
    public async Task Action_WhenRefused_IsRecordedWithItsStatus()
    {
        var incident = await _scenario.ReportAsync();

        var refused = await app.Cast.As("officer.changxing.nync").PostJsonAsync($"/api/v1/incidents/{incident.Id}/accept", new { });

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        var entry = (await EntriesOfAsync("officer.changxing.nync")).First(e => e.Target == incident.Id.ToString());
        Assert.Equal((404, null), (entry.Status, entry.Summary));
    }

    [Fact]
    public async Task UnmaskedRead_IsRecorded_AndAMaskedOneIsNot()
    {
        var at = await _scenario.NextPointAsync(Scenario.Hefu);
        var accepted = await (await _scenario.PostClueAsync(new
        {
            channel = "grid", text = "河道内发现地笼", matterCode = "SY01", lat = at.Lat, lon = at.Lon, reporterName = "李四", reporterPhone = "13900001111",
        })).ReadAsync<ClueAccepted>();
        var target = accepted.IncidentId.ToString();

        await app.Cast.As("officer.nanxun.nync").GetAsync($"/api/v1/incidents/{target}");
        await app.Cast.As("dispatcher.nanxun").GetAsync($"/api/v1/incidents/{target}");

        Assert.DoesNotContain(await EntriesOfAsync("officer.nanxun.nync"), e => e.Target == target && e.Action == "personal_data.read");
        Assert.Single(await EntriesOfAsync("dispatcher.nanxun"), e => e.Target == target && e.Action == "personal_data.read");
    }

    [Fact]
    public async Task Verify_WhenWritesRaceEachOther_FindsOneUnbrokenChain()
    {
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => _scenario.PostClueAsync(new { channel = "app", text = "并发审计", lat = 30.805, lon = 120.4375 })));

        var verification = await VerifyAsync();

        Assert.True(verification.Intact, verification.Problem);
        Assert.True(verification.Entries >= 16);
    }

    [Fact]
    public async Task Verify_WhenAnEntryIsChangedInTheDatabase_ReportsThatEntry()
    {
        await _scenario.ReportAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
        var victim = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Seq).Skip(1).FirstAsync();

        await db.AuditEntries.Where(e => e.Seq == victim.Seq).ExecuteUpdateAsync(u => u.SetProperty(e => e.Actor, "someone.else"));
        try
        {
            var verification = await VerifyAsync();

            Assert.False(verification.Intact);
            Assert.Equal(victim.Seq, verification.FirstBrokenSeq);
            Assert.Contains("hash", verification.Problem);
        }
        finally
        {
            await db.AuditEntries.Where(e => e.Seq == victim.Seq).ExecuteUpdateAsync(u => u.SetProperty(e => e.Actor, victim.Actor));
        }
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Verify_WhenTheLastEntriesAreDeleted_ReportsTheCut()
    {
        await _scenario.ReportAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Seq).FirstAsync();

        await db.AuditEntries.Where(e => e.Seq == last.Seq).ExecuteDeleteAsync();
        try
        {
            var verification = await VerifyAsync();

            Assert.False(verification.Intact);
            Assert.Equal(last.Seq, verification.FirstBrokenSeq);
        }
        finally
        {
            db.AuditEntries.Add(last);
            await db.SaveChangesAsync();
        }
        Assert.True((await VerifyAsync()).Intact);
    }

    private async Task<AuditVerification> VerifyAsync() =>
        await (await Admin.GetAsync("/api/v1/audit/verify")).ReadAsync<AuditVerification>();

    private async Task<IReadOnlyList<AuditEntryView>> EntriesOfAsync(string actor) =>
        (await (await Admin.GetAsync($"/api/v1/audit?actor={Uri.EscapeDataString(actor)}&pageSize=500")).ReadAsync<PagedList<AuditEntryView>>()).Items;
}
