using System.Net.Http.Json;
using Microsoft.Playwright;
using Zhifa.Core.Incidents;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Features.Supervision;
using Zhifa.Server.Tests.Auth;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Ui;

/// <summary>
/// The supervision page: overdue incidents, a notice issued by hand after confirming, its
/// acknowledgement by the department, and the counts per department.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SupervisionTests(BrowserApp app)
{
    private const string Department = "330503-NYNC";
    private const string Officer = "officer.nanxun.nync";

    [Fact]
    public async Task Supervision_AsTheCitySupervisor_IssuesANoticeOnARedIncidentAndSeesItAcknowledged()
    {
        var incident = await RedIncidentAsync(30.8105);
        var page = await app.PageAsync();
        await page.SignInAsync("supervisor.city", "/supervision");

        var row = page.Locator("#overdue tr", new() { HasText = incident.Number });
        await Assertions.Expect(row).ToContainTextAsync("超期");
        await row.ClickAsync();
        await Assertions.Expect(page.Locator("#incident-detail .incident-title")).ToContainTextAsync(incident.Number);
        await Assertions.Expect(page.Locator("#issue-notice")).ToBeDisabledAsync();
        await page.FillAsync("#notice-reason", "超期未签收，请立即签收处置");
        await page.ClickAsync("#issue-notice");
        var confirm = page.Locator(".mud-dialog");
        await Assertions.Expect(confirm).ToContainTextAsync(incident.Number);
        await confirm.GetByRole(AriaRole.Button, new() { Name = "发出督办" }).ClickAsync();

        var notice = await HandIssuedNoticeAsync(page, incident.Id);
        Assert.Equal(("超期未签收，请立即签收处置", Department), (notice.Reason, notice.DepartmentCode));
        var noticeRow = page.Locator("#notices tr", new() { HasText = notice.Number! });
        await Assertions.Expect(noticeRow).ToContainTextAsync(incident.Number);
        await Assertions.Expect(noticeRow).ToContainTextAsync("未签收");

        using var officer = await app.ApiAsAsync(Officer);
        var acknowledged = await (await officer.PostJsonAsync($"/api/v1/notices/{notice.Id}/acknowledge", new { note = "已安排人员" })).ReadAsync<NoticeView>();
        await page.ReloadAsync();
        await Assertions.Expect(noticeRow.Locator(".notice-acknowledgement")).ToContainTextAsync(acknowledged.AcknowledgedBy!);
        await Assertions.Expect(noticeRow).Not.ToContainTextAsync("未签收");
        await Assertions.Expect(page.Locator($"#notice-counts tr:has([data-department='{Department}'])")).ToContainTextAsync("南浔区");
        await Assertions.Expect(page.Locator("#counts-chart canvas")).ToBeAttachedAsync();
        await page.ScreenshotAsync("supervision");

        // The id is on the select's hidden input; the visible field around it opens the list.
        await page.Locator(".mud-input-control", new() { Has = page.Locator("#filter-acknowledged") }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "未签收" }).ClickAsync();
        await Assertions.Expect(noticeRow).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Supervision_AsADutyCommanderOnAPhone_IssuesOnlyAfterConfirming()
    {
        var incident = await RedIncidentAsync(30.8125);
        var page = await app.PageAsync(390, 844);
        await page.SignInAsync("commander.nanxun", "/dashboard", totpKey: AuthApi.DemoTotpKey);
        await page.GotoAsync("/supervision");

        var row = page.Locator("#overdue tr", new() { HasText = incident.Number });
        await row.ClickAsync();
        await page.FillAsync("#notice-reason", "请说明超期原因");
        await page.ClickAsync("#issue-notice");
        var confirm = page.Locator(".mud-dialog");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Assertions.Expect(confirm).ToHaveCountAsync(0);
        Assert.Empty(await NoticesAsync(incident.Id));

        await page.ClickAsync("#issue-notice");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "发出督办" }).ClickAsync();
        var notice = await HandIssuedNoticeAsync(page, incident.Id);
        await Assertions.Expect(page.Locator("#notices tr", new() { HasText = notice.Number! })).ToContainTextAsync("未签收");
        await page.ScreenshotAsync("supervision-phone");
    }

    /// <summary>
    /// Illegal fishing in 和孚镇, dispatched at once to 南浔区农业农村局 (2 working hours to accept), then
    /// the shared fake clock moved to just past that deadline. Moving it forward by hours within the
    /// working day leaves other browser tests' sign-ins and reports as they were; each test reports at
    /// its own latitude so that none joins another as a duplicate.
    /// </summary>
    private async Task<IncidentDetail> RedIncidentAsync(double lat)
    {
        using var grid = await app.ApiAsAsync("grid.hefu");
        var response = await grid.PostAsJsonAsync("/api/v1/clues", new { channel = "grid", text = "河道内有人电鱼", matterCode = "SY01", lat, lon = 120.4395 });
        var accepted = await response.ReadAsync<ClueAccepted>();
        Assert.Equal(IncidentStatus.Dispatched, accepted.Status);
        var incident = await grid.GetFromJsonAsync<IncidentDetail>($"/api/v1/incidents/{accepted.IncidentId}", Json.Options);
        var due = incident!.Deadlines.Single(d => d.EndedAt is null).DueAt.AddMinutes(1);
        if (due > app.Time.GetUtcNow())
            app.Time.SetUtcNow(due);
        return incident;
    }

    private async Task<NoticeView[]> NoticesAsync(Guid incidentId)
    {
        using var supervisor = await app.ApiAsAsync("supervisor.city");
        return [.. (await (await supervisor.GetAsync($"/api/v1/notices?incidentId={incidentId}")).ReadAsync<PagedList<NoticeView>>()).Items];
    }

    /// <summary>The one notice issued on the incident, read once the page says it went out.</summary>
    private async Task<NoticeView> HandIssuedNoticeAsync(IPage page, Guid incidentId)
    {
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "已发出督办单" })).ToBeVisibleAsync();
        return Assert.Single(await NoticesAsync(incidentId));
    }
}
