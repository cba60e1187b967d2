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

        var counts = await (await supervisor.GetAsync("/api/v1/notices/counts?from=2000-01-01&to=2000-01-02")).ReadAsync<Server.Features.Supervision.DepartmentNoticeCount[]>();

        Assert.Empty(counts);
    }

    [Fact]
    public async Task List_WithAnUnknownLevel_NamesTheField()
    {
        var supervisor = app.Cast.As("supervisor.city");

        await ProblemAssert.NamesFieldAsync(await supervisor.GetAsync("/api/v1/notices?level=urgent"), "level");
    }
}
