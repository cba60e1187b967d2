using Microsoft.Playwright;
using Zhifa.Core.Coordination;
using Zhifa.Core.Time;
using Zhifa.Server.Features.Coordination;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Ui;

/// <summary>
/// 联合会商 in the browser: a dispatcher calls a consultation, records who came, the minutes and a decision;
/// the owner department sees the tracked action on its page and completes it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsultationTests(BrowserApp app)
{
    private const string Department = "330503-NYNC";

    [Fact]
    public async Task Consultation_ADispatcherRecordsADecision_AndTheOwnerDepartmentCompletesItsAction()
    {
        var page = await app.PageAsync();
        await page.SignInAsync("dispatcher.nanxun", "/workbench");
        await page.GotoAsync("/consultations");

        await page.FillAsync("#topic", "和孚镇河道非法捕捞联合会商");
        await page.CheckAsync($"#invite-{Department}");
        await page.ClickAsync("#create-consultation");
        await page.WaitForURLAsync(url => url.Contains("/consultations?id="));
        var id = Guid.Parse(new Uri(page.Url).Query.Split('=')[1]);
        await Assertions.Expect(page.Locator("#consultation .consultation-title")).ToHaveTextAsync("和孚镇河道非法捕捞联合会商");

        await page.FillAsync($"#attendee-{Department}", "张建国");
        await page.CheckAsync($"#present-{Department}");
        await page.ClickAsync("#save-attendance");
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "参会情况已保存" })).ToBeVisibleAsync();
        await page.FillAsync("#minutes", "农业农村局牵头，三日内清理和孚镇河道地笼。");
        await page.ClickAsync("#save-minutes");
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "纪要已保存" })).ToBeVisibleAsync();
        await page.FillAsync("#decision-text", "三日内清理和孚镇河道地笼");
        await page.SelectOptionAsync("#decision-owner", Department);
        await page.FillAsync("#decision-deadline", PlatformTime.ToLocal(app.Time.GetUtcNow().AddDays(3)).ToString("yyyy-MM-ddTHH:mm"));
        await page.ClickAsync("#add-decision");
        await Assertions.Expect(page.Locator("#actions .action-row", new() { HasText = "三日内清理和孚镇河道地笼" })).ToContainTextAsync("办理中");
        await page.ScreenshotAsync("consultation");

        var officer = await app.PageAsync();
        await officer.SignInAsync("officer.nanxun.nync", "/inbox");
        await officer.GotoAsync("/actions");
        var row = officer.Locator("#actions tr", new() { HasText = "三日内清理和孚镇河道地笼" }).Last;
        await Assertions.Expect(row).ToContainTextAsync("办理中");
        await row.Locator("input[id^='note-']").FillAsync("已清理地笼12个");
        await row.Locator(".complete-action").ClickAsync();
        await Assertions.Expect(officer.Locator(".mud-snackbar", new() { HasText = "督办事项已办结" })).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync("已完成");
        await officer.ScreenshotAsync("actions");

        using var dispatcher = await app.ApiAsAsync("dispatcher.nanxun");
        var actions = await (await dispatcher.GetAsync($"/api/v1/actions?consultationId={id}")).ReadAsync<PagedList<ActionView>>();
        var action = Assert.Single(actions.Items);
        Assert.Equal((TrackedActionStatus.Done, "已清理地笼12个", "officer.nanxun.nync"), (action.Status, action.CompletionNote, action.CompletedBy));
        var consultation = await (await dispatcher.GetAsync($"/api/v1/consultations/{id}")).ReadAsync<ConsultationView>();
        Assert.Equal([new Attendee(Department, "张建国", true)], consultation.Attendance);
        Assert.Equal("农业农村局牵头，三日内清理和孚镇河道地笼。", consultation.Minutes);
    }
}
