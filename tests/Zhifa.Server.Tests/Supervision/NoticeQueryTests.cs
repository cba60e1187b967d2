using Zhifa.Core.Incidents;
using Zhifa.Core.Time;
using Zhifa.Server.Features.Supervision;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Supervision;

/// <summary>The notices' list and counts refuse filters they cannot read, naming each one.</summary>
[Collection(ApiCollection.Name)]
public sealed class NoticeQueryTests(ZhifaApp app)
{
    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-01", "to")]
    public async Task Counts_WithADateItCannotRead_NamesTheField(string query, string field)
    {
        var supervisor = app.Cast.As("supervisor.city");

        await ProblemAssert.NamesFieldAsync(await supervisor.GetAsync($"/api/v1/notices/counts?{query}"), field);
    }

    [Fact]
    public async Task Counts_BetweenTwoDates_AnswersOnlyThoseIssuedThen()
    {
        var supervisor = app.Cast.As("supervisor.city");
        var incident = await new Scenario(app).InStatusAsync(IncidentStatus.Dispatched);
        var day = PlatformTime.LocalDate(app.Time.GetUtcNow()).ToString("yyyy-MM-dd");
        var around = $"/api/v1/notices/counts?from={day}&to={day}";
        var before = await CountsAsync(supervisor, around);

        // Issued here, so the window has a notice to count whatever the shared database holds already.
        var notice = await (await supervisor.PostJsonAsync($"/api/v1/incidents/{incident.Id}/notices", new { reason = "按日统计测试" })).ReadAsync<NoticeView>();

        Assert.Equal(day, PlatformTime.LocalDate(notice.IssuedAt).ToString("yyyy-MM-dd"));
        Assert.Equal(NoticesOf(before, notice.DepartmentCode!) + 1, NoticesOf(await CountsAsync(supervisor, around), notice.DepartmentCode!));
        Assert.Empty(await CountsAsync(supervisor, "/api/v1/notices/counts?from=2000-01-01&to=2000-01-02"));
    }

    [Fact]
    public async Task List_WithAnUnknownLevel_NamesTheField()
    {
        var supervisor = app.Cast.As("supervisor.city");

        await ProblemAssert.NamesFieldAsync(await supervisor.GetAsync("/api/v1/notices?level=urgent"), "level");
    }

    private static async Task<DepartmentNoticeCount[]> CountsAsync(HttpClient client, string url) =>
        await (await client.GetAsync(url)).ReadAsync<DepartmentNoticeCount[]>();

    private static int NoticesOf(DepartmentNoticeCount[] counts, string departmentCode) =>
        counts.SingleOrDefault(c => c.DepartmentCode == departmentCode)?.Notices ?? 0;
}
