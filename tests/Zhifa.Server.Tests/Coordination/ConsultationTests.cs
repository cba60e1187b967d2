using System.Net;
using System.Text.Json;
using Zhifa.Core.Coordination;
using Zhifa.Core.Incidents;
using Zhifa.Core.Organization;
using Zhifa.Server.Features.Coordination;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Tests.Auth;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Coordination;

/// <summary>联合会商 over HTTP: scheduling, attendance, minutes, decisions and closing; 督办事项 completed by their owner; who sees what.</summary>
[Collection(ApiCollection.Name)]
public sealed class ConsultationTests(ZhifaApp app)
{
    private const string Nanxun = "330503-ZHZX";
    private const string Nync = "330503-NYNC";
    private const string Shuili = "330503-SL";

    private HttpClient Dispatcher => app.Cast.As("dispatcher.nanxun");
    private HttpClient Officer => app.Cast.As("officer.nanxun.nync");
    private DateTimeOffset Now => app.Time.GetUtcNow();

    private async Task<ConsultationView> ScheduleAsync(DateTimeOffset? at = null, Guid[]? incidentIds = null) =>
        await (await Dispatcher.PostJsonAsync("/api/v1/consultations", new
        {
            topic = "和孚镇河道非法捕捞联合会商", scheduledAt = at ?? Now, centerCode = Nanxun, kind = "adHoc",
            invitedDepartmentCodes = new[] { Nync, Shuili }, incidentIds = incidentIds ?? [],
        })).ReadAsync<ConsultationView>();

    private async Task<ActionView> DecideAsync(Guid consultationId, string owner = Nync) =>
        await (await Dispatcher.PostJsonAsync($"/api/v1/consultations/{consultationId}/decisions",
            new { text = "三日内清理和孚镇河道地笼", ownerDepartmentCode = owner, deadline = Now.AddDays(3) })).ReadAsync<ActionView>();

    [Fact]
    public async Task Schedule_WithAnIncident_IsOpenWithItOnTheAgenda_AndListedForTheCentre()
    {
        var incident = await new Scenario(app).ReportAsync();

        var created = await Dispatcher.PostJsonAsync("/api/v1/consultations", new
        {
            topic = "和孚镇河道联合会商", scheduledAt = Now.AddHours(1), kind = "adHoc", invitedDepartmentCodes = new[] { Nync }, incidentIds = new[] { incident.Id },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await created.ReadAsync<ConsultationView>();
        Assert.Equal((Nanxun, ConsultationStatus.Open, false), (view.CenterCode, view.Status, view.Begun));
        var item = Assert.Single(view.Agenda);
        Assert.Equal((incident.Id, incident.Number, AgendaSection.Raised), (item.IncidentId, item.IncidentNumber, item.Section));
        Assert.Equal($"/api/v1/consultations/{view.Id}", created.Headers.Location?.ToString());
        var list = await (await Dispatcher.GetAsync($"/api/v1/consultations?centerCode={Nanxun}&status=open&pageSize=100")).ReadAsync<PagedList<ConsultationSummary>>();
        Assert.Contains(list.Items, c => c.Id == view.Id);
        var closed = await (await Dispatcher.GetAsync($"/api/v1/consultations?status=closed&pageSize=100")).ReadAsync<PagedList<ConsultationSummary>>();
        Assert.All(closed.Items, c => Assert.Equal(ConsultationStatus.Closed, c.Status));
        // Found by its id, not looked for in one page of a shared list: it is open, so not among the closed.
        Assert.Equal(ConsultationStatus.Open, (await (await Dispatcher.GetAsync($"/api/v1/consultations/{view.Id}")).ReadAsync<ConsultationView>()).Status);
    }

    [Theory]
    [InlineData("""{"topic":"  ","scheduledAt":"2026-11-27T09:00:00+08:00"}""", "topic")]
    [InlineData("""{"topic":"会商"}""", "scheduledAt")]
    [InlineData("""{"topic":"会商","scheduledAt":"2026-11-27T09:00:00+08:00","kind":"daily"}""", "kind")]
    [InlineData("""{"topic":"会商","scheduledAt":"2026-11-27T09:00:00+08:00","centerCode":"999999-ZHZX"}""", "centerCode")]
    [InlineData("""{"topic":"会商","scheduledAt":"2026-11-27T09:00:00+08:00","invitedDepartmentCodes":["330503-NYNC","330503-NOPE"]}""", "invitedDepartmentCodes[1]")]
    [InlineData("""{"topic":"会商","scheduledAt":"2026-11-27T09:00:00+08:00","incidentIds":["0190a000-0000-7000-8000-000000000000"]}""", "incidentIds[0]")]
    [InlineData("""{"scheduledAt":"2026-11-27T09:00:00+08:00","fromAgenda":true,"kind":"adHoc"}""", "kind")]
    public async Task Schedule_WithBadInput_NamesTheField_AndSchedulesNothing(string json, string field)
    {
        var before = await CountAsync();

        await ProblemAssert.NamesFieldAsync(await Dispatcher.PostRawJsonAsync("/api/v1/consultations", json), field);

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Schedule_ForAnotherCounty_IsForbidden()
    {
        var refused = await Dispatcher.PostJsonAsync("/api/v1/consultations", new { topic = "越权会商", scheduledAt = Now, centerCode = "330522-ZHZX" });

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden, "consultation.forbidden");
    }

    [Fact]
    public async Task Attendance_Minutes_Decision_Close_MakeTheRecord_AndTheOwnerCompletesTheAction()
    {
        var consultation = await ScheduleAsync();

        var attended = await (await Dispatcher.PutJsonAsync($"/api/v1/consultations/{consultation.Id}/attendance", new
        {
            attendance = new object[] { new { departmentCode = Nync, name = "张三", present = true }, new { departmentCode = Shuili, name = "李四", present = false } },
        })).ReadAsync<ConsultationView>();
        var minuted = await (await Dispatcher.PutJsonAsync($"/api/v1/consultations/{consultation.Id}/minutes", new { minutes = "农业农村局牵头清理地笼。" }))
            .ReadAsync<ConsultationView>();
        var action = await DecideAsync(consultation.Id);
        var closed = await (await Dispatcher.PostJsonAsync($"/api/v1/consultations/{consultation.Id}/close", new { })).ReadAsync<ConsultationView>();

        Assert.Equal([new Attendee(Nync, "张三", true), new Attendee(Shuili, "李四", false)], attended.Attendance);
        Assert.Equal("农业农村局牵头清理地笼。", minuted.Minutes);
        Assert.Equal((Nync, TrackedActionStatus.Open, consultation.Id), (action.OwnerDepartmentCode, action.Status, action.ConsultationId));
        Assert.Equal(ConsultationStatus.Closed, closed.Status);
        Assert.Equal(action.Id, Assert.Single(closed.Actions).Id);

        var mine = await (await Officer.GetAsync("/api/v1/actions?status=open&pageSize=100")).ReadAsync<PagedList<ActionView>>();
        Assert.Contains(mine.Items, a => a.Id == action.Id);
        var done = await (await Officer.PostJsonAsync($"/api/v1/actions/{action.Id}/complete", new { note = "已清理地笼12个" })).ReadAsync<ActionView>();
        Assert.Equal((TrackedActionStatus.Done, "已清理地笼12个", "officer.nanxun.nync"), (done.Status, done.CompletionNote, done.CompletedBy));

        await ProblemAssert.IsProblemAsync(await Officer.PostJsonAsync($"/api/v1/actions/{action.Id}/complete", new { note = "再交一次" }),
            HttpStatusCode.Conflict, "action.already_done");
        var seen = await (await Dispatcher.GetAsync($"/api/v1/actions?consultationId={consultation.Id}")).ReadAsync<PagedList<ActionView>>();
        Assert.Equal(TrackedActionStatus.Done, Assert.Single(seen.Items).Status);
    }

    [Fact]
    public async Task AClosedConsultation_RefusesMinutesDecisionsAttendanceAndClosing()
    {
        var consultation = await ScheduleAsync();
        await (await Dispatcher.PostJsonAsync($"/api/v1/consultations/{consultation.Id}/close", new { })).ReadAsync<ConsultationView>();

        await ProblemAssert.IsProblemAsync(await Dispatcher.PutJsonAsync($"/api/v1/consultations/{consultation.Id}/minutes", new { minutes = "补记" }),
            HttpStatusCode.Conflict, "consultation.closed");
        await ProblemAssert.IsProblemAsync(await Dispatcher.PostJsonAsync($"/api/v1/consultations/{consultation.Id}/decisions",
            new { text = "补一条", ownerDepartmentCode = Nync, deadline = Now.AddDays(1) }), HttpStatusCode.Conflict, "consultation.closed");
        await ProblemAssert.IsProblemAsync(await Dispatcher.PutJsonAsync($"/api/v1/consultations/{consultation.Id}/attendance",
            new { attendance = Array.Empty<object>() }), HttpStatusCode.Conflict, "consultation.closed");
        await ProblemAssert.IsProblemAsync(await Dispatcher.PostJsonAsync($"/api/v1/consultations/{consultation.Id}/close", new { }),
            HttpStatusCode.Conflict, "consultation.closed");
        var after = await (await Dispatcher.GetAsync($"/api/v1/consultations/{consultation.Id}")).ReadAsync<ConsultationView>();
        Assert.Null(after.Minutes);
        Assert.Empty(after.Actions);
    }

    [Fact]
    public async Task MinutesAndDecisions_BeforeTheMeetingBegins_AreRefused()
    {
        var consultation = await ScheduleAsync(Now.AddDays(2));

        await ProblemAssert.IsProblemAsync(await Dispatcher.PutJsonAsync($"/api/v1/consultations/{consultation.Id}/minutes", new { minutes = "提前写" }),
            HttpStatusCode.Conflict, "consultation.not_started");
        await ProblemAssert.IsProblemAsync(await Dispatcher.PostJsonAsync($"/api/v1/consultations/{consultation.Id}/decisions",
            new { text = "提前定", ownerDepartmentCode = Nync, deadline = Now.AddDays(5) }), HttpStatusCode.Conflict, "consultation.not_started");
    }

    [Theory]
    [InlineData("""{"ownerDepartmentCode":"330503-NYNC","deadline":"2099-01-01T00:00:00Z"}""", "text")]
    [InlineData("""{"text":"清理","deadline":"2099-01-01T00:00:00Z"}""", "ownerDepartmentCode")]
    [InlineData("""{"text":"清理","ownerDepartmentCode":"330503-NOPE","deadline":"2099-01-01T00:00:00Z"}""", "ownerDepartmentCode")]
    [InlineData("""{"text":"清理","ownerDepartmentCode":"330503-ZJ","deadline":"2099-01-01T00:00:00Z"}""", "ownerDepartmentCode")]
    [InlineData("""{"text":"清理","ownerDepartmentCode":"330503-NYNC"}""", "deadline")]
    [InlineData("""{"text":"清理","ownerDepartmentCode":"330503-NYNC","deadline":"2020-01-01T00:00:00Z"}""", "deadline")]
    [InlineData("""{"text":"清理","ownerDepartmentCode":"330503-NYNC","deadline":"next week"}""", "deadline")]
    public async Task Decision_WithBadInput_NamesTheField_AndAddsNoAction(string json, string field)
    {
        var consultation = await ScheduleAsync();

        await ProblemAssert.NamesFieldAsync(await Dispatcher.PostRawJsonAsync($"/api/v1/consultations/{consultation.Id}/decisions", json), field);

        Assert.Empty((await (await Dispatcher.GetAsync($"/api/v1/consultations/{consultation.Id}")).ReadAsync<ConsultationView>()).Actions);
    }

    [Theory]
    [InlineData("""{"attendance":[{"name":"张三","present":true}]}""", "attendance[0].departmentCode")]
    [InlineData("""{"attendance":[{"departmentCode":"330503-NYNC","name":"张三"},{"departmentCode":"330503-NOPE","name":"李四"}]}""", "attendance[1].departmentCode")]
    [InlineData("""{"attendance":[{"departmentCode":"330503-NYNC","name":" "}]}""", "attendance[0].name")]
    [InlineData("""{}""", "attendance")]
    public async Task Attendance_WithBadInput_NamesTheField(string json, string field)
    {
        var consultation = await ScheduleAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/consultations/{consultation.Id}/attendance")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };

        await ProblemAssert.NamesFieldAsync(await Dispatcher.SendAsync(request), field);
    }

    [Fact]
    public async Task Minutes_Empty_NamesTheField()
    {
        var consultation = await ScheduleAsync();

        await ProblemAssert.NamesFieldAsync(await Dispatcher.PutJsonAsync($"/api/v1/consultations/{consultation.Id}/minutes", new { minutes = "" }), "minutes");
    }

    [Fact]
    public async Task Complete_WithoutANote_NamesTheField_AndByAnotherInvitedDepartment_IsNotFound()
    {
        var action = await DecideAsync((await ScheduleAsync()).Id);
        var shuili = app.Cast.As("officer.nanxun.sl");

        await ProblemAssert.NamesFieldAsync(await Officer.PostJsonAsync($"/api/v1/actions/{action.Id}/complete", new { note = " " }), "note");
        await ProblemAssert.IsProblemAsync(await shuili.PostJsonAsync($"/api/v1/actions/{action.Id}/complete", new { note = "代为完成" }),
            HttpStatusCode.NotFound, "action.not_found");
        Assert.Equal(TrackedActionStatus.Open, (await ActionAsync(Dispatcher, action.Id))!.Status);
    }

    [Fact]
    public async Task AChangxingDepartment_SeesNeitherNanxunsConsultationsNorItsActions()
    {
        var consultation = await ScheduleAsync();
        var action = await DecideAsync(consultation.Id);
        var changxing = app.Cast.As("officer.changxing.nync");

        await ProblemAssert.IsProblemAsync(await changxing.GetAsync($"/api/v1/consultations/{consultation.Id}"), HttpStatusCode.NotFound, "consultation.not_found");
        var consultations = await (await changxing.GetAsync("/api/v1/consultations?pageSize=100")).ReadAsync<PagedList<ConsultationSummary>>();
        Assert.DoesNotContain(consultations.Items, c => c.Id == consultation.Id);
        Assert.Null(await ActionAsync(changxing, action.Id));
        await ProblemAssert.IsProblemAsync(await changxing.PostJsonAsync($"/api/v1/actions/{action.Id}/complete", new { note = "越权" }),
            HttpStatusCode.NotFound, "action.not_found");
    }

    [Fact]
    public async Task ADepartment_SeesTheConsultationsItWasInvitedTo_OnlyItsOwnActions_AndCannotOrganise()
    {
        var consultation = await ScheduleAsync();
        var forShuili = await DecideAsync(consultation.Id, Shuili);
        var notInvited = await app.Cast.OfficerOfAsync("330503-ZJ");

        var seen = await (await Officer.GetAsync($"/api/v1/consultations/{consultation.Id}")).ReadAsync<ConsultationView>();
        Assert.Equal(consultation.Id, seen.Id);
        Assert.Null(await ActionAsync(Officer, forShuili.Id));
        Assert.NotNull(await ActionAsync(app.Cast.As("officer.nanxun.sl"), forShuili.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await notInvited.GetAsync($"/api/v1/consultations/{consultation.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Officer.PutJsonAsync($"/api/v1/consultations/{consultation.Id}/minutes", new { minutes = "部门改纪要" })).StatusCode);
    }

    [Fact]
    public async Task AnotherCountysDispatcher_DoesNotFindTheConsultation_WhileTheCityCommanderOrganisesIt()
    {
        var consultation = await ScheduleAsync();
        var changxing = app.Cast.As(await app.Cast.MakeAsync(Role.Dispatcher, "330522-ZHZX"), AuthApi.TestPassword);

        await ProblemAssert.IsProblemAsync(await changxing.PutJsonAsync($"/api/v1/consultations/{consultation.Id}/minutes", new { minutes = "越权" }),
            HttpStatusCode.NotFound, "consultation.not_found");
        var minuted = await app.Cast.As(Cast.CityCommander).PutJsonAsync($"/api/v1/consultations/{consultation.Id}/minutes", new { minutes = "市指挥长补记" });
        Assert.Equal("市指挥长补记", (await minuted.ReadAsync<ConsultationView>()).Minutes);
    }

    [Theory]
    [InlineData("status=later", "status")]
    [InlineData("centerCode=nowhere", "centerCode")]
    [InlineData("pageSize=0", "pageSize")]
    public async Task List_WithABadFilter_NamesIt(string query, string field) =>
        await ProblemAssert.NamesFieldAsync(await Dispatcher.GetAsync($"/api/v1/consultations?{query}"), field);

    [Theory]
    [InlineData("status=late", "status")]
    [InlineData("departmentCode=nowhere", "departmentCode")]
    public async Task Actions_WithABadFilter_NamesIt(string query, string field) =>
        await ProblemAssert.NamesFieldAsync(await Officer.GetAsync($"/api/v1/actions?{query}"), field);

    private async Task<int> CountAsync() =>
        (await (await app.Cast.As(Cast.CityDispatcher).GetAsync("/api/v1/consultations?pageSize=1")).ReadAsync<PagedList<ConsultationSummary>>()).Total;

    private static async Task<ActionView?> ActionAsync(HttpClient client, Guid id)
    {
        var page = 1;
        while (true)
        {
            var list = await (await client.GetAsync($"/api/v1/actions?page={page}&pageSize=100")).ReadAsync<PagedList<ActionView>>();
            if (list.Items.FirstOrDefault(a => a.Id == id) is { } found)
                return found;
            if (page * 100 >= list.Total)
                return null;
            page++;
        }
    }
}
