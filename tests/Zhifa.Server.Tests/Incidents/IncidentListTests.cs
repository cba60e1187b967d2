using System.Globalization;
using System.Net;
using System.Text.Json;
using Zhifa.Core.Incidents;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Incidents;

/// <summary>GET /api/v1/incidents (filters, paging) and GET /api/v1/incidents/{id}.</summary>
[Collection(ApiCollection.Name)]
public sealed class IncidentListTests(ZhifaApp app)
{
    /// <summary>南浔镇, another township of 南浔区.</summary>
    private const string NanxunTown = "330503101";
    /// <summary>月河街道, 吴兴区.</summary>
    private const string Yuehe = "330502001";

    private readonly Scenario _scenario = new(app);

    private HttpClient Client => _scenario.Client;

    [Fact]
    public async Task List_WhenPaged_AnswersItemsTotalPageAndPageSize()
    {
        var marker = Marker();
        var ids = new HashSet<Guid>();
        for (var n = 0; n < 3; n++)
            ids.Add((await _scenario.ReportAsync(matterCode: null, text: $"{marker} 第{n}条")).Id);

        var first = await ListAsync($"q={marker}&pageSize=2&page=1");
        var second = await ListAsync($"q={marker}&pageSize=2&page=2");
        var defaults = await ListAsync($"q={marker}");

        Assert.Equal((2, 3, 1, 2), (first.Items.Count, first.Total, first.Page, first.PageSize));
        Assert.Equal((1, 3, 2, 2), (second.Items.Count, second.Total, second.Page, second.PageSize));
        Assert.Equal(ids.Order(), first.Items.Concat(second.Items).Select(i => i.Id).Order());
        Assert.Equal((3, 1, 20), (defaults.Items.Count, defaults.Page, defaults.PageSize));
        var beyond = await ListAsync($"q={marker}&pageSize=2&page=3");
        Assert.Equal((0, 3), (beyond.Items.Count, beyond.Total));
        Assert.Equal(200, (await ListAsync($"q={marker}&pageSize=200")).PageSize);
    }

    [Fact]
    public async Task List_WhenReportedAtDifferentTimes_ListsNewestFirst()
    {
        var marker = Marker();
        var older = await _scenario.ReportAsync(matterCode: null, text: marker);
        app.Time.Advance(TimeSpan.FromMinutes(1));
        var newer = await _scenario.ReportAsync(matterCode: null, text: marker);

        Assert.Equal([newer.Id, older.Id], (await ListAsync($"q={marker}")).Items.Select(i => i.Id));
    }

    [Theory]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("pageSize=many", "pageSize")]
    [InlineData("status=bogus", "status")]
    [InlineData("status=reported,bogus", "status")]
    [InlineData("status=1", "status")]
    [InlineData("regionCode=999999", "regionCode")]
    [InlineData("departmentCode=330503-NOPE", "departmentCode")]
    [InlineData("matterCode=XX99", "matterCode")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-45", "to")]
    [InlineData("from=2026-11-28T00:00:00%2B08:00&to=2026-11-27T00:00:00%2B08:00", "from")]
    public async Task List_WhenQueryInvalid_Answers400NamingField(string query, string field)
    {
        await ProblemAssert.NamesFieldAsync(await Client.GetAsync($"/api/v1/incidents?{query}"), field);
    }

    [Fact]
    public async Task List_WhenSearchTextTooLong_Answers400NamingQ()
    {
        await ProblemAssert.NamesFieldAsync(await Client.GetAsync($"/api/v1/incidents?q={new string('x', 101)}"), "q");
    }

    [Fact]
    public async Task List_WhenPageFarBeyondTheEnd_AnswersAnEmptyPage()
    {
        await _scenario.ReportAsync(matterCode: null, text: Marker());

        // (page - 1) * pageSize exceeds int.MaxValue here: the answer must still be an empty page, not page 1 or a 500.
        var list = await ListAsync("page=20000000&pageSize=200");

        Assert.Empty(list.Items);
        Assert.True(list.Total > 0);
        Assert.Equal((20_000_000, 200), (list.Page, list.PageSize));
    }

    [Fact]
    public async Task List_WhenFilteredByStatus_MatchesSingleOrListCaseInsensitively()
    {
        var marker = Marker();
        var reported = await _scenario.ReportAsync(matterCode: null, text: marker);
        var dispatched = await _scenario.ReportAsync("SY01", text: marker);

        await ExpectAsync($"q={marker}&status=reported", [reported.Id]);
        await ExpectAsync($"q={marker}&status=DISPATCHED", [dispatched.Id]);
        await ExpectAsync($"q={marker}&status=Reported,dispatched", Set(reported, dispatched));
        await ExpectAsync($"q={marker}&status=closed", []);
    }

    [Fact]
    public async Task List_WhenFilteredByRegion_CountyAndTownshipNarrowAndCityHoldsAll()
    {
        var marker = Marker();
        var hefu = await _scenario.ReportAsync(matterCode: null, Scenario.Hefu, text: marker);
        var nanxunTown = await _scenario.ReportAsync(matterCode: null, NanxunTown, text: marker);
        var yuehe = await _scenario.ReportAsync(matterCode: null, Yuehe, text: marker);

        await ExpectAsync($"q={marker}&regionCode={Scenario.Hefu}", [hefu.Id]);
        await ExpectAsync($"q={marker}&regionCode={Scenario.Nanxun}", Set(hefu, nanxunTown));
        await ExpectAsync($"q={marker}&regionCode=330502", [yuehe.Id]);
        await ExpectAsync($"q={marker}&regionCode=330500", Set(hefu, nanxunTown, yuehe));
    }

    [Fact]
    public async Task List_WhenFilteredByDepartment_MatchesLeadAndCoAssignments()
    {
        var marker = Marker();
        var fishing = await _scenario.ReportAsync("SY01", text: marker);
        var vending = await _scenario.ReportAsync("SR01", text: marker);
        await _scenario.ReportAsync(matterCode: null, text: marker);

        await ExpectAsync($"q={marker}&departmentCode=330503-NYNC", [fishing.Id]);
        await ExpectAsync($"q={marker}&departmentCode=330503-SL", [fishing.Id]);
        await ExpectAsync($"q={marker}&departmentCode=330503106-ZFD", Set(fishing, vending));
        await ExpectAsync($"q={marker}&departmentCode=330502-NYNC", []);
    }

    [Fact]
    public async Task List_WhenFilteredByMatter_MatchesOnlyThatMatter()
    {
        var marker = Marker();
        var fishing = await _scenario.ReportAsync("SY01", text: marker);
        await _scenario.ReportAsync("SR01", text: marker);

        await ExpectAsync($"q={marker}&matterCode=SY01", [fishing.Id]);
        await ExpectAsync($"q={marker}&matterCode=SR02", []);
    }

    [Fact]
    public async Task List_WhenFilteredByTime_FromIsInclusiveAndToExclusive()
    {
        var marker = Marker();
        var t0 = app.Time.GetUtcNow();
        var early = await _scenario.ReportAsync(matterCode: null, text: marker);
        app.Time.Advance(TimeSpan.FromHours(1));
        var middle = await _scenario.ReportAsync(matterCode: null, text: marker);
        app.Time.Advance(TimeSpan.FromHours(1));
        var late = await _scenario.ReportAsync(matterCode: null, text: marker);

        await ExpectAsync($"q={marker}&from={At(t0.AddMinutes(30))}&to={At(t0.AddMinutes(90))}", [middle.Id]);
        await ExpectAsync($"q={marker}&from={At(t0.AddHours(1))}", Set(middle, late));
        await ExpectAsync($"q={marker}&to={At(t0.AddHours(1))}", [early.Id]);
        // The same instant written in UTC selects the same incidents.
        await ExpectAsync($"q={marker}&from={AtUtc(t0.AddMinutes(30))}&to={AtUtc(t0.AddMinutes(90))}", [middle.Id]);
        // Without an offset a time is Huzhou's local time, whatever the server machine's zone.
        await ExpectAsync($"q={marker}&from={AtLocal(t0.AddMinutes(30))}&to={AtLocal(t0.AddMinutes(90))}", [middle.Id]);
    }

    [Fact]
    public async Task List_WhenSearchedByText_MatchesNumberAndSummary()
    {
        var marker = Marker();
        var incident = await _scenario.ReportAsync(matterCode: null, text: $"河边堆放建筑垃圾 {marker}");

        await ExpectAsync($"q={Uri.EscapeDataString(incident.Number)}", [incident.Id]);
        await ExpectAsync($"q={Uri.EscapeDataString("堆放建筑垃圾 " + marker)}", [incident.Id]);
        await ExpectAsync($"q={Marker()}", []);
    }

    [Fact]
    public async Task List_WhenSearchHasWildcardCharacters_MatchesThemLiterally()
    {
        var marker = Marker();
        var literal = await _scenario.ReportAsync(matterCode: null, text: $"{marker}_100%");
        await _scenario.ReportAsync(matterCode: null, text: $"{marker}-100x");

        await ExpectAsync($"q={Uri.EscapeDataString(marker + "_100%")}", [literal.Id]);
        await ExpectAsync($"q={Uri.EscapeDataString(marker + "%x")}", []);
    }

    [Fact]
    public async Task Get_WhenFound_AnswersDesignShapeWithLocalTimesAndETag()
    {
        var incident = await _scenario.ReportAsync("SY01", text: Marker());

        var response = await Client.GetAsync($"/api/v1/incidents/{incident.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.All(["id", "number", "status", "matterCode", "regionCode", "gridCode", "handlingCenterCode", "priority",
            "lat", "lon", "reportCount", "reworkCount", "assignments", "timeline", "clues"], name => Has(json, name));
        Assert.Equal([incident.Id.ToString(), "dispatched", "SY01", Scenario.Hefu, "normal"],
            new[] { "id", "status", "matterCode", "regionCode", "priority" }.Select(name => json.GetProperty(name).GetString()));
        Assert.Equal((1, 0), (json.GetProperty("reportCount").GetInt32(), json.GetProperty("reworkCount").GetInt32()));

        var assignments = json.GetProperty("assignments").EnumerateArray().ToList();
        Assert.All(assignments, a => Assert.All(["departmentCode", "role", "status"], name => Has(a, name)));
        Assert.Equal(["lead", "co", "co"], assignments.Select(a => a.GetProperty("role").GetString()));
        Assert.All(assignments, a => Assert.Equal("dispatched", a.GetProperty("status").GetString()));

        var timeline = json.GetProperty("timeline").EnumerateArray().ToList();
        Assert.All(timeline, t => Assert.All(["at", "action", "fromStatus", "toStatus", "actor", "note"], name => Has(t, name)));
        Assert.Equal(["report", "dispatch"], timeline.Select(t => t.GetProperty("action").GetString()));
        Assert.Equal(JsonValueKind.Null, timeline[0].GetProperty("fromStatus").ValueKind);
        Assert.Equal(("reported", "dispatched"), (timeline[1].GetProperty("fromStatus").GetString(), timeline[1].GetProperty("toStatus").GetString()));

        var clue = Assert.Single(json.GetProperty("clues").EnumerateArray().ToList());
        Assert.All(["id", "channel", "text", "receivedAt"], name => Has(clue, name));
        Assert.Equal("grid", clue.GetProperty("channel").GetString());

        var expectedLocal = app.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        Assert.All(timeline.Select(t => t.GetProperty("at").GetString()).Append(clue.GetProperty("receivedAt").GetString()), at =>
        {
            Assert.EndsWith("+08:00", at);
            Assert.Equal(expectedLocal, DateTimeOffset.Parse(at!, CultureInfo.InvariantCulture));
        });
    }

    [Fact]
    public async Task Get_WhenUnknownId_Answers404IncidentNotFound()
    {
        await ProblemAssert.IsProblemAsync(await Client.GetAsync($"/api/v1/incidents/{Guid.CreateVersion7()}"), HttpStatusCode.NotFound, "incident.not_found");
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/v1/incidents/not-a-guid")).StatusCode);
    }

    private static string Marker() => $"LIST{Guid.NewGuid():N}"[..16];

    /// <summary>A query-string time in the platform's offset, e.g. 2026-11-27T09:30:00.0000000+08:00.</summary>
    private static string At(DateTimeOffset time) =>
        Uri.EscapeDataString(time.ToOffset(TimeSpan.FromHours(8)).ToString("O", CultureInfo.InvariantCulture));

    private static string AtLocal(DateTimeOffset time) =>
        time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);

    private static string AtUtc(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static Guid[] Set(params IncidentDetail[] incidents) => [.. incidents.Select(i => i.Id)];

    private static void Has(JsonElement element, string name) =>
        Assert.True(element.TryGetProperty(name, out _), $"'{name}' missing from {element}");

    private async Task<PagedList<IncidentSummary>> ListAsync(string query) =>
        await (await Client.GetAsync($"/api/v1/incidents?{query}")).ReadAsync<PagedList<IncidentSummary>>();

    /// <summary>The list under <paramref name="query"/> holds exactly <paramref name="expected"/>, in any order.</summary>
    private async Task ExpectAsync(string query, Guid[] expected)
    {
        var page = await ListAsync(query + "&pageSize=200");
        Assert.Equal(page.Total, page.Items.Count);
        Assert.Equal(expected.Order(), page.Items.Select(i => i.Id).Order());
    }
}
