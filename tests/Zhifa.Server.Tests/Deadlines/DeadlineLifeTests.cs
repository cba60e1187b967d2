using System.Net;
using Zhifa.Core.Incidents;
using Zhifa.Core.Supervision;
using Zhifa.Core.Time;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Supervision;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Deadlines;

/// <summary>
/// An incident's clocks over HTTP while a fake clock moves: lights, the reminder and the notices of
/// each level, acknowledgement, suspension and rework. SY01 (river fishing) gives 2wh to accept and
/// 1wd to handle; verification gets 1wd.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class DeadlineLifeTests(ZhifaApp app)
{
    private readonly Scenario _scenario = new(app);

    [Fact]
    public async Task Dispatch_AsTheClockRuns_TurnsYellowThenRedAndClimbsTheSupervisionLadder()
    {
        var monday = app.NextMonday(new TimeOnly(11, 0));
        var incident = await _scenario.ReportAsync();
        var accept = incident.Open("accept");
        // 2 working hours from 11:00 across the lunch break; yellow at 80 % (96 working minutes).
        Assert.Equal((monday.AddHours(3.5), monday.AddHours(3).AddMinutes(6), TrafficLight.Green, false, "2wh"),
            (accept.DueAt, accept.YellowAt, accept.Light, accept.Paused, accept.Limit));
        Assert.Equal(TrafficLight.Green, incident.Light);

        app.MoveTo(accept.YellowAt);
        await app.SuperviseAsync();
        Assert.Equal(TrafficLight.Yellow, (await _scenario.GetAsync(incident.Id)).Open("accept").Light);
        app.MoveTo(accept.DueAt);
        await app.SuperviseAsync();
        Assert.Equal(TrafficLight.Red, (await _scenario.GetAsync(incident.Id)).Light);
        app.MoveTo(accept.DueAt.AddDays(1));
        await app.SuperviseAsync();
        app.MoveTo(accept.DueAt.AddDays(3));
        await app.SuperviseAsync();
        await app.SuperviseAsync();

        var notices = await NoticesAsync(incident.Id);
        Assert.Equal([SupervisionLevel.Reminder, SupervisionLevel.Notice, SupervisionLevel.Priority, SupervisionLevel.Listed], notices.Select(n => n.Level));
        Assert.All(notices, n => Assert.Equal(("330503-NYNC", DeadlineKind.Accept, SupervisionNotice.WorkerActor), (n.DepartmentCode, n.DeadlineKind, n.IssuedBy)));
        Assert.Null(notices[0].Number);
        Assert.All(notices.Skip(1), n => Assert.Matches($@"^DB-330503-{PlatformTime.LocalDate(n.IssuedAt).Year}-\d{{5}}$", n.Number!));
        Assert.Equal([accept.YellowAt, accept.DueAt, accept.DueAt.AddDays(1), accept.DueAt.AddDays(3)], notices.Select(n => n.IssuedAt));
    }

    [Fact]
    public async Task Acknowledge_ByTheAddressedDepartment_IsRecordedOnce()
    {
        app.NextMonday(new TimeOnly(9, 0));
        var incident = await _scenario.ReportAsync();
        app.MoveTo(incident.Open("accept").DueAt);
        await app.SuperviseAsync();
        var notice = Assert.Single(await NoticesAsync(incident.Id));
        var officer = await app.Cast.OfficerOfAsync("330503-NYNC");

        var acknowledged = await (await officer.PostJsonAsync($"/api/v1/notices/{notice.Id}/acknowledge", new { note = "已安排人员" })).ReadAsync<NoticeView>();
        var again = await officer.PostJsonAsync($"/api/v1/notices/{notice.Id}/acknowledge", new { });

        Assert.Equal((app.Time.GetUtcNow(), "已安排人员"), (acknowledged.AcknowledgedAt, acknowledged.AcknowledgementNote));
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict, "notice.already_acknowledged");
        var counts = await (await _scenario.Client.GetAsync("/api/v1/notices/counts")).ReadAsync<DepartmentNoticeCount[]>();
        Assert.True(counts.Single(c => c.DepartmentCode == "330503-NYNC").Notices >= 1);
    }

    [Fact]
    public async Task Suspend_ThenResume_PausesTheLightAndMovesTheDeadlineByThePausedWorkingTime()
    {
        var monday = app.NextMonday(new TimeOnly(11, 0));
        var incident = await _scenario.DoAsync((await _scenario.ReportAsync()).Id, "accept");
        var handle = incident.Open("handle");
        Assert.Equal(monday.AddDays(1), handle.DueAt);

        app.MoveTo(monday.AddHours(1));
        var suspended = await _scenario.DoAsync(incident.Id, "suspend", new { reason = "等待检测报告" });
        app.MoveTo(monday.AddDays(2).AddHours(-1));
        var paused = (await _scenario.GetAsync(incident.Id)).Open("handle");
        app.MoveTo(monday.AddDays(2).AddHours(1));
        var resumed = (await _scenario.DoAsync(incident.Id, "resume")).Open("handle");

        Assert.True(suspended.Open("handle").Paused);
        Assert.Equal((true, TrafficLight.Green, handle.DueAt), (paused.Paused, paused.Light, paused.DueAt));
        // Paused from Monday 12:00 to Wednesday 12:00: two working days later than before.
        Assert.Equal((false, monday.AddDays(3)), (resumed.Paused, resumed.DueAt));
    }

    [Fact]
    public async Task VerifyFailed_StartsTheHandlingClockAgain_WithAFullLimit()
    {
        var monday = app.NextMonday(new TimeOnly(9, 0));
        var resolved = await _scenario.DoAsync((await _scenario.DoAsync((await _scenario.ReportAsync()).Id, "accept")).Id, "resolve", new { result = "已清理" });
        Assert.Equal(monday.AddDays(1), resolved.Open("verify").DueAt);
        app.MoveTo(monday.AddHours(2));

        var rework = await _scenario.DoAsync(resolved.Id, "verify", new { passed = false, note = "地笼仍在" });

        Assert.Equal(monday.AddDays(1).AddHours(2), rework.Open("handle").DueAt);
        Assert.Equal([(DeadlineKind.Accept, DeadlineOutcome.Met), (DeadlineKind.Handle, DeadlineOutcome.Met), (DeadlineKind.Verify, DeadlineOutcome.Met)],
            rework.Deadlines.Where(d => d.EndedAt is not null).Select(d => (d.Kind, d.Outcome!.Value)).Order());
    }

    [Fact]
    public async Task List_FilteredByLight_ShowsOnlyIncidentsOfThatLight()
    {
        app.NextMonday(new TimeOnly(9, 0));
        var late = await _scenario.ReportAsync();
        app.MoveTo(late.Open("accept").DueAt.AddMinutes(1));
        var fresh = await _scenario.ReportAsync();

        async Task<List<Guid>> Listed(string light) =>
            [.. (await (await _scenario.Client.GetAsync($"/api/v1/incidents?light={light}&pageSize=200")).ReadAsync<PagedList<IncidentSummary>>()).Items.Select(i => i.Id)];

        var red = await Listed("red");
        var green = await Listed("green");
        Assert.Contains(late.Id, red);
        Assert.DoesNotContain(fresh.Id, red);
        Assert.Contains(fresh.Id, green);
        Assert.Contains(fresh.Id, await Listed("yellow,green"));
        await ProblemAssert.NamesFieldAsync(await _scenario.Client.GetAsync("/api/v1/incidents?light=blue"), "light");
    }

    [Fact]
    public async Task List_CarriesTheRunningClockDueFirst_AndNoneWhenPausedOrClosed()
    {
        app.NextMonday(new TimeOnly(9, 0));
        var accepted = await _scenario.DoAsync((await _scenario.ReportAsync()).Id, "accept");
        var suspended = await _scenario.DoAsync((await _scenario.DoAsync((await _scenario.ReportAsync()).Id, "accept")).Id, "suspend", new { reason = "等待检测报告" });
        var rejected = await _scenario.DoAsync((await _scenario.ReportAsync(matterCode: null)).Id, "reject", new { reason = "非执法事项" });

        var rows = (await (await _scenario.Client.GetAsync("/api/v1/incidents?pageSize=200")).ReadAsync<PagedList<IncidentSummary>>()).Items;

        Assert.Equal(accepted.Open("handle").DueAt, rows.Single(r => r.Id == accepted.Id).DueAt);
        // A paused clock's due time moves when it resumes: the row does not promise one.
        Assert.Null(rows.Single(r => r.Id == suspended.Id).DueAt);
        Assert.Null(rows.Single(r => r.Id == rejected.Id).DueAt);
    }

    [Fact]
    public async Task List_ByUrgency_PutsRedFirstThenTheSoonestDue()
    {
        app.NextMonday(new TimeOnly(9, 0));
        var late = await _scenario.ReportAsync();
        app.MoveTo(late.Open("accept").DueAt.AddMinutes(1));
        var later = await _scenario.DoAsync((await _scenario.ReportAsync()).Id, "accept");
        var sooner = await _scenario.ReportAsync();

        var rows = (await (await _scenario.Client.GetAsync("/api/v1/incidents?sort=urgency&pageSize=200")).ReadAsync<PagedList<IncidentSummary>>()).Items;
        var order = rows.Select(r => r.Id).ToList();

        // Red before green; of the two green, the accept clock (2 working hours) before the handling one (days).
        Assert.True(order.IndexOf(late.Id) < order.IndexOf(sooner.Id));
        Assert.True(order.IndexOf(sooner.Id) < order.IndexOf(later.Id));
        var ranks = rows.Select(r => r.Light is { } light ? (int)light : -1).ToList();
        Assert.Equal(ranks.OrderDescending(), ranks);
        await ProblemAssert.NamesFieldAsync(await _scenario.Client.GetAsync("/api/v1/incidents?sort=oldest"), "sort");
    }

    private async Task<List<NoticeView>> NoticesAsync(Guid incidentId) =>
        [.. (await (await _scenario.Client.GetAsync($"/api/v1/notices?incidentId={incidentId}")).ReadAsync<PagedList<NoticeView>>()).Items.OrderBy(n => n.Level)];
}
