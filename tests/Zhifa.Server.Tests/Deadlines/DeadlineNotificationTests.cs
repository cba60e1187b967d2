using System.Net;
using Zhifa.Core.Incidents;
using Zhifa.Server.Features.Deadlines;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Notifications;
using Zhifa.Core.Time;
using Zhifa.Server.Tests.Coordination;
using Zhifa.Server.Tests.Notifications;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Deadlines;

/// <summary>
/// Who hears what: notices reach the department's inbox (and the city centre's at level 3); extension
/// and suspension requests the handling centre's; decisions the department's.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class DeadlineNotificationTests(ZhifaApp app)
{
    private const string CountyCenter = "330503-ZHZX";
    private readonly Scenario _scenario = new(app);

    [Fact]
    public async Task Notices_AsTheLadderClimbs_ReachTheDepartmentAndAtLevelThreeTheCityCentre()
    {
        app.NextMonday(new TimeOnly(9, 0));
        var incident = await _scenario.ReportAsync();
        var officer = await app.Cast.OfficerOfAsync("330503-NYNC");
        var due = incident.Open("accept").DueAt;

        app.MoveTo(due);
        await app.SuperviseAsync();
        app.MoveTo(due.AddDays(3));
        await app.SuperviseAsync();

        var department = (await officer.ListAsync("?pageSize=100")).Items.Where(n => n.IncidentId == incident.Id).ToList();
        Assert.Equal([NotificationKinds.Supervision, NotificationKinds.Supervision], department.Select(n => n.Kind));
        Assert.Contains(department, n => n.Title.StartsWith("督办单 DB-330503-", StringComparison.Ordinal));
        Assert.Contains(department, n => n.Title.StartsWith("挂牌督办", StringComparison.Ordinal));
        var city = (await app.Cast.As(Cast.CityDispatcher).ListAsync("?pageSize=100")).Items.Where(n => n.IncidentId == incident.Id).ToList();
        Assert.Equal("挂牌督办", Assert.Single(city).Title[..4]);
    }

    [Fact]
    public async Task Extension_AskedThenApproved_ReachesTheCentreThenTheDepartment()
    {
        app.NextMonday(new TimeOnly(9, 0));
        var incident = await _scenario.DoAsync((await _scenario.ReportAsync()).Id, "accept");
        var officer = await app.Cast.OfficerOfAsync("330503-NYNC");
        var county = app.Cast.As("dispatcher.nanxun");

        var asked = await (await officer.PostJsonAsync($"/api/v1/incidents/{incident.Id}/extensions", new { newLimit = "3wd", reason = "需等待检测结果" }))
            .ReadAsync<ExtensionView>();
        var centre = (await county.ListAsync("?pageSize=100")).Items.Where(n => n.IncidentId == incident.Id).ToList();
        var approved = await (await county.PostJsonAsync($"/api/v1/incidents/{incident.Id}/extensions/{asked.Id}/approve", new { note = "同意" }))
            .ReadAsync<ExtensionView>();
        var after = await _scenario.GetAsync(incident.Id);

        Assert.Equal(("1wd", "3wd", ExtensionStatus.Pending), (asked.CurrentLimit, asked.NewLimit, asked.Status));
        Assert.Equal(NotificationKinds.Extension, Assert.Single(centre).Kind);
        Assert.Equal((ExtensionStatus.Approved, "dispatcher.nanxun"), (approved.Status, approved.DecidedBy));
        Assert.Equal((incident.Open("handle").StartedAt.AddDays(3), "3wd"), (after.Open("handle").DueAt, after.Open("handle").Limit));
        Assert.Equal("extend", after.Timeline[^1].Action);
        Assert.Contains((await officer.ListAsync("?pageSize=100")).Items, n => n.IncidentId == incident.Id && n.Title.StartsWith("延期已批准", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Extension_WithBadInput_IsRefusedAndChangesNothing()
    {
        app.NextMonday(new TimeOnly(9, 0));
        var incident = await _scenario.DoAsync((await _scenario.ReportAsync()).Id, "accept");
        var officer = await app.Cast.OfficerOfAsync("330503-NYNC");
        var url = $"/api/v1/incidents/{incident.Id}/extensions";

        await ProblemAssert.NamesFieldAsync(await officer.PostJsonAsync(url, new { newLimit = "4wh", reason = "x" }), "newLimit");
        await ProblemAssert.NamesFieldAsync(await officer.PostJsonAsync(url, new { newLimit = "30nh", reason = "x" }), "newLimit");
        await ProblemAssert.NamesFieldAsync(await officer.PostJsonAsync(url, new { newLimit = "soon", reason = "x" }), "newLimit");
        await ProblemAssert.NamesFieldAsync(await officer.PostJsonAsync(url, new { newLimit = "3wd" }), "reason");
        await ProblemAssert.NamesFieldAsync(await officer.PostJsonAsync(url, new { kind = "lunch", newLimit = "3wd", reason = "x" }), "kind");
        await ProblemAssert.IsProblemAsync(await officer.PostJsonAsync(url, new { kind = "verify", newLimit = "3wd", reason = "x" }), HttpStatusCode.Conflict, "deadline.not_running");
        Assert.Equal(HttpStatusCode.Created, (await officer.PostJsonAsync(url, new { newLimit = "3wd", reason = "x" })).StatusCode);
        await ProblemAssert.IsProblemAsync(await officer.PostJsonAsync(url, new { newLimit = "5wd", reason = "x" }), HttpStatusCode.Conflict, "extension.pending");

        var listed = await (await _scenario.Client.GetAsync(url)).ReadAsync<ExtensionView[]>();
        Assert.Equal("3wd", Assert.Single(listed).NewLimit);
        Assert.Equal(incident.Open("handle").DueAt, (await _scenario.GetAsync(incident.Id)).Open("handle").DueAt);
    }

    [Fact]
    public async Task SuspensionRequest_ByTheLeadDepartment_GoesOnTheTimelineAndToTheCentre()
    {
        app.NextMonday(new TimeOnly(9, 0));
        var incident = await _scenario.DoAsync((await _scenario.ReportAsync()).Id, "accept");
        var officer = await app.Cast.OfficerOfAsync("330503-NYNC");
        var url = $"/api/v1/incidents/{incident.Id}/suspension-requests";

        await ProblemAssert.NamesFieldAsync(await officer.PostJsonAsync(url, new { }), "reason");
        var requested = await (await officer.PostJsonAsync(url, new { reason = "等待水质检测报告" })).ReadAsync<IncidentDetail>();
        var other = await app.Cast.OfficerOfAsync("330503-SL");
        var dispatched = await _scenario.ReportAsync();

        Assert.Equal((Incident.SuspensionRequestAction, "等待水质检测报告", IncidentStatus.InProgress),
            (requested.Timeline[^1].Action, requested.Timeline[^1].Note, requested.Status));
        Assert.Contains((await app.Cast.As("dispatcher.nanxun").ListAsync("?pageSize=100")).Items,
            n => n.IncidentId == incident.Id && n.Kind == NotificationKinds.Suspension);
        await ProblemAssert.IsProblemAsync(await other.PostJsonAsync(url, new { reason = "x" }), HttpStatusCode.Forbidden, "suspension.forbidden");
        await ProblemAssert.IsProblemAsync(await officer.PostJsonAsync($"/api/v1/incidents/{dispatched.Id}/suspension-requests", new { reason = "x" }),
            HttpStatusCode.Conflict, "incident.suspension_not_in_progress");
    }

    [Fact]
    public async Task Escalate_FromTheTownship_WithNobodyOnDutyAtTheCounty_ReachesTheCountyCentresInbox()
    {
        await app.PlanAsync(CountyCenter, PlatformTime.LocalDate(app.Time.GetUtcNow()));
        var returned = await _scenario.DoAsync((await _scenario.ReportAsync("SR01")).Id, "return", new { reason = "超出镇街处置能力" });

        await _scenario.DoAsync(returned.Id, "escalate", new { reason = "需区级协调" });

        var inbox = (await app.Cast.As("dispatcher.nanxun").ListAsync("?pageSize=100")).Items.Where(n => n.IncidentId == returned.Id).ToList();
        Assert.Equal((NotificationKinds.Escalation, $"上报：{returned.Number}"), (Assert.Single(inbox).Kind, inbox[0].Title));
        Assert.Equal(CountyCenter, (await _scenario.GetAsync(returned.Id)).HandlingCenterCode);
    }

    [Fact]
    public async Task SecondReturn_WithNobodyOnDuty_OpensADispute_InTheHandlingCentresInbox()
    {
        await app.PlanAsync(CountyCenter, PlatformTime.LocalDate(app.Time.GetUtcNow()));
        var once = await _scenario.DoAsync((await _scenario.ReportAsync()).Id, "return", new { reason = "不属于本部门职责" });
        var again = await _scenario.DoAsync(once.Id, "dispatch", new { departmentCode = "330503-NYNC" });

        var disputed = await _scenario.DoAsync(again.Id, "return", new { reason = "仍不属于本部门职责" });

        var inbox = (await app.Cast.As("commander.nanxun").ListAsync("?pageSize=100")).Items.Where(n => n.IncidentId == disputed.Id).ToList();
        Assert.Equal((NotificationKinds.Dispute, $"争议待裁定：{disputed.Number}"), (Assert.Single(inbox).Kind, inbox[0].Title));
        Assert.Equal("330503-ZHZX", disputed.HandlingCenterCode);
    }

    [Fact]
    public async Task SecondReturn_OpensADispute_ForTheCommanderOnDutyOnly()
    {
        var monday = DateOnly.FromDateTime(app.NextMonday(new TimeOnly(9, 0)).DateTime);
        var (onDuty, offDuty) = (await app.CommanderAsync(CountyCenter), await app.CommanderAsync(CountyCenter));
        await app.PlanAsync(CountyCenter, monday, onDuty.Name, offDuty.Name);
        try
        {
            var once = await _scenario.DoAsync((await _scenario.ReportAsync()).Id, "return", new { reason = "不属于本部门职责" });
            var again = await _scenario.DoAsync(once.Id, "dispatch", new { departmentCode = "330503-NYNC" });

            var disputed = await _scenario.DoAsync(again.Id, "return", new { reason = "仍不属于本部门职责" });

            var mine = (await onDuty.Client.ListAsync("?pageSize=100")).Items.Where(n => n.IncidentId == disputed.Id).ToList();
            Assert.Equal((NotificationKinds.Dispute, RecipientType.User), (Assert.Single(mine).Kind, mine[0].Recipient.Type));
            Assert.DoesNotContain((await offDuty.Client.ListAsync("?pageSize=100")).Items, n => n.IncidentId == disputed.Id);
            Assert.DoesNotContain((await app.Cast.As("dispatcher.nanxun").ListAsync("?pageSize=100")).Items, n => n.IncidentId == disputed.Id);
        }
        finally
        {
            await app.PlanAsync(CountyCenter, monday);
        }
    }

    [Fact]
    public async Task Escalate_AfterTheHandOver_ReachesTheNextCommanderOnDuty()
    {
        var monday = DateOnly.FromDateTime(app.NextMonday(new TimeOnly(9, 0)).DateTime);
        var (first, second) = (await app.CommanderAsync(CountyCenter), await app.CommanderAsync(CountyCenter));
        await app.PlanAsync(CountyCenter, monday, first.Name, second.Name);
        try
        {
            var returned = await _scenario.DoAsync((await _scenario.ReportAsync("SR01")).Id, "return", new { reason = "超出镇街处置能力" });
            app.MoveTo(DutyApi.Beijing(monday.AddDays(1), 8, 30));

            await _scenario.DoAsync(returned.Id, "escalate", new { reason = "需区级协调" });

            Assert.Contains((await second.Client.ListAsync("?pageSize=100")).Items, n => n.IncidentId == returned.Id && n.Kind == NotificationKinds.Escalation);
            Assert.DoesNotContain((await first.Client.ListAsync("?pageSize=100")).Items, n => n.IncidentId == returned.Id);
        }
        finally
        {
            await app.PlanAsync(CountyCenter, monday);
        }
    }
}
