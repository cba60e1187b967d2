using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Coordination;
using Zhifa.Data;
using Zhifa.Server.Features.Coordination;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Coordination;

/// <summary>Two organisers (or two officers) changing one consultation or action at once: one wins, the other is told, nothing answers 500.</summary>
[Collection(ApiCollection.Name)]
public sealed class ConsultationRaceTests(ZhifaApp app)
{
    private const string Nanxun = "330503-ZHZX";
    private const string Nync = "330503-NYNC";
    private const string Shuili = "330503-SL";

    private HttpClient Dispatcher => app.Cast.As("dispatcher.nanxun");
    private HttpClient Officer => app.Cast.As("officer.nanxun.nync");
    private DateTimeOffset Now => app.Time.GetUtcNow();

    private async Task<ConsultationView> ScheduleAsync() =>
        await (await Dispatcher.PostJsonAsync("/api/v1/consultations", new
        {
            topic = "和孚镇河道并发会商", scheduledAt = Now, centerCode = Nanxun, kind = "adHoc", invitedDepartmentCodes = new[] { Nync, Shuili },
        })).ReadAsync<ConsultationView>();

    private async Task<ActionView> DecideAsync(Guid consultationId) =>
        await (await Dispatcher.PostJsonAsync($"/api/v1/consultations/{consultationId}/decisions",
            new { text = "三日内清理地笼", ownerDepartmentCode = Nync, deadline = Now.AddDays(3) })).ReadAsync<ActionView>();

    [Fact]
    public async Task AStaleConsultation_IsRefusedByTheStore()
    {
        var consultation = await ScheduleAsync();
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var mine = await Db(first).Consultations.SingleAsync(c => c.Id == consultation.Id);
        var theirs = await Db(second).Consultations.SingleAsync(c => c.Id == consultation.Id);

        mine.RecordMinutes("先记的纪要", Now);
        await Db(first).SaveChangesAsync();
        theirs.Close("dispatcher.nanxun", Now);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => Db(second).SaveChangesAsync());
    }

    [Fact]
    public async Task AStaleAction_IsRefusedByTheStore()
    {
        var action = await DecideAsync((await ScheduleAsync()).Id);
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var mine = await Db(first).TrackedActions.SingleAsync(a => a.Id == action.Id);
        var theirs = await Db(second).TrackedActions.SingleAsync(a => a.Id == action.Id);

        mine.Complete(Nync, "已清理", "officer.nanxun.nync", Now);
        await Db(first).SaveChangesAsync();
        theirs.Complete(Nync, "也清理了", "officer.nanxun.nync", Now);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => Db(second).SaveChangesAsync());
    }

    [Fact]
    public async Task ConcurrentCompletes_OneSucceeds_TheOthersConflict()
    {
        var action = await DecideAsync((await ScheduleAsync()).Id);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(n =>
            Officer.PostJsonAsync($"/api/v1/actions/{action.Id}/complete", new { note = $"已清理 {n}" })));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
    }

    [Fact]
    public async Task ConcurrentAttendance_DecisionsAndClose_NeverAnswer500()
    {
        var consultation = await ScheduleAsync();
        var url = $"/api/v1/consultations/{consultation.Id}";
        await Dispatcher.PutJsonAsync($"{url}/attendance", new { attendance = new[] { new { departmentCode = Nync, name = "张三", present = true } } });

        var answers = await Task.WhenAll(
            Dispatcher.PutJsonAsync($"{url}/attendance", new { attendance = new[] { new { departmentCode = Nync, name = "李四", present = true } } }),
            Dispatcher.PutJsonAsync($"{url}/attendance", new { attendance = new[] { new { departmentCode = Shuili, name = "王五", present = true } } }),
            Dispatcher.PostJsonAsync($"{url}/decisions", new { text = "清理地笼", ownerDepartmentCode = Nync, deadline = Now.AddDays(3) }),
            Dispatcher.PostAsync($"{url}/close", null));

        Assert.All(answers, a => Assert.True(a.IsSuccessStatusCode || a.StatusCode == HttpStatusCode.Conflict, $"{a.RequestMessage?.RequestUri}: {a.StatusCode}"));
        var final = await (await Dispatcher.GetAsync(url)).ReadAsync<ConsultationView>();
        // A decision that answered 201 is on the record; one refused is not.
        Assert.Equal(answers[2].StatusCode == HttpStatusCode.Created ? 1 : 0, final.Actions.Length);
    }

    [Fact]
    public async Task Attendance_BeyondTheCap_NamesTheField_AndRecordsNothing()
    {
        var consultation = await ScheduleAsync();
        var rows = Enumerable.Range(0, Consultation.MaxInvited + 21).Select(n => new { departmentCode = Nync, name = $"人员{n}", present = true }).ToArray();

        await ProblemAssert.NamesFieldAsync(await Dispatcher.PutJsonAsync($"/api/v1/consultations/{consultation.Id}/attendance", new { attendance = rows }), "attendance");

        Assert.Empty((await (await Dispatcher.GetAsync($"/api/v1/consultations/{consultation.Id}")).ReadAsync<ConsultationView>()).Attendance);
    }

    private static ZhifaDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
}
