using System.Globalization;
using System.Net;
using Zhifa.Core.Incidents;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Open311;

/// <summary>GET requests: the spec's filters, its 90-day window and its limit of 1,000, in both formats.</summary>
[Collection(ApiCollection.Name)]
public sealed class Open311QueryTests(ZhifaApp app)
{
    private readonly Open311Api _api = new(app);
    private readonly Scenario _scenario = new(app);

    [Fact]
    public async Task Requests_WithoutDates_AreTheLatest90DaysNewestFirst_AndWindowsFollowTheDatesSent()
    {
        var now = app.Time.GetUtcNow();
        // WL01 is used by no other test: these four are all there is of it.
        var times = new[] { now.AddDays(-120), now.AddDays(-91), now.AddDays(-89), now };
        var n = await Open311Seed.ReportedAtAsync(app, "WL01", times);

        Assert.Equal([n[3], n[2]], await NumbersAsync("service_code=WL01"));
        Assert.Equal([n[2], n[1], n[0]], await NumbersAsync($"service_code=WL01&start_date={W3(times[0].AddHours(-1))}"));
        Assert.Equal([n[1], n[0]], await NumbersAsync($"service_code=WL01&end_date={W3(times[1])}"));
        Assert.Equal([n[3], n[2]], await NumbersAsync($"service_code=WL01&start_date={W3(times[2])}&end_date={W3(times[3])}"));
        // A bare end date takes in its whole day.
        Assert.Equal([n[3]], await NumbersAsync($"service_code=WL01&start_date={W3(times[3].AddHours(-1))}&end_date={Day(times[3])}"));
    }

    [Fact]
    public async Task Requests_WhenMoreThan1000Match_AnswerTheNewest1000_AndPageSizeAndPagePageFurther()
    {
        var first = new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));
        var n = await Open311Seed.ReportedAtAsync(app, "WL02", Enumerable.Range(0, 1001).Select(i => first.AddSeconds(i)));
        const string day = "service_code=WL02&start_date=2025-03-01&end_date=2025-03-01";

        var all = await NumbersAsync(day);
        var xml = await _api.XmlAsync("/requests", "?" + day);

        Assert.Equal(n.AsEnumerable().Reverse().Take(1000), all);
        Assert.Equal(1000, xml.Elements("request").Count());
        Assert.Equal([n[0]], await NumbersAsync(day + "&page=2"));
        Assert.Equal(n.AsEnumerable().Reverse().Skip(20).Take(10), await NumbersAsync(day + "&page_size=10&page=3"));
    }

    [Fact]
    public async Task Requests_ByServiceRequestId_IgnoreEveryOtherFilter()
    {
        var old = (await Open311Seed.ReportedAtAsync(app, "WL01", [app.Time.GetUtcNow().AddDays(-200)]))[0];
        var open = await _api.ReportAsync();

        var numbers = await NumbersAsync($"service_request_id={old}, {open},330599-20200101-0001&status=closed&service_code=DD01&start_date=2026-01-01");

        Assert.Equal([open, old], numbers);
    }

    [Fact]
    public async Task Requests_ByServiceCode_TakeSeveralCommaSeparated()
    {
        var dd01 = await _api.ReportAsync(extra: ("service_code", "DD01"));
        var dd02 = await _api.ReportAsync(extra: ("service_code", "DD02"));
        var sy01 = await _api.ReportAsync();

        var json = await _api.JsonAsync("/requests", "?service_code=DD01,DD02");

        var numbers = json.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()).ToList();
        Assert.Contains(dd01, numbers);
        Assert.Contains(dd02, numbers);
        Assert.DoesNotContain(sy01, numbers);
        Assert.All(json.EnumerateArray(), r => Assert.Contains(r.GetProperty("service_code").GetString(), new[] { "DD01", "DD02" }));
    }

    [Fact]
    public async Task Requests_ByStatus_AreOpenClosedOrBoth()
    {
        var closed = (await _scenario.InStatusAsync(IncidentStatus.Closed)).Number;
        var rejected = (await _scenario.InStatusAsync(IncidentStatus.Rejected)).Number;
        var open = (await _scenario.InStatusAsync(IncidentStatus.InProgress)).Number;

        var closedOnes = await _api.JsonAsync("/requests", "?status=closed");
        var openOnes = await NumbersAsync("status=open");
        var both = await NumbersAsync("status=open,closed");

        Assert.All(closedOnes.EnumerateArray(), r => Assert.Equal("closed", r.GetProperty("status").GetString()));
        var closedNumbers = closedOnes.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()).ToList();
        Assert.Contains(closed, closedNumbers);
        Assert.Contains(rejected, closedNumbers);
        Assert.DoesNotContain(open, closedNumbers);
        Assert.Contains(open, openOnes);
        Assert.DoesNotContain(closed, openOnes);
        Assert.Contains(open, both);
        Assert.Contains(closed, both);
    }

    public static TheoryData<string, string> BadQueries => new()
    {
        { "start_date=yesterday", "start_date" },
        { "end_date=2026-13-01", "end_date" },
        { "start_date=2026-11-27T09:30:00%2B0800", "start_date" },
        { "status=pending", "pending" },
        { "service_code=XX99", "XX99" },
        { "page_size=1001", "page_size" },
        { "page=0", "page" },
        { "page=-1", "page" },
        { "page_size=ten", "page_size" },
        { "start_date=2026-01-01&end_date=2026-06-01", "90 days" },
        { "start_date=2026-06-01&end_date=2026-05-01", "start_date" },
        { "end_date=0001-01-01", "end_date" },
        { "service_request_id=" + string.Join(",", Enumerable.Range(1, 1001)), "1000" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Requests_WhenAFilterIsWrong_Answer400NamingItInBothFormats(string query, string mention)
    {
        await Open311Api.AssertErrorsAsync(await _api.GetAsync($"/requests.json?{query}"), HttpStatusCode.BadRequest, "json", mention);
        await Open311Api.AssertErrorsAsync(await _api.GetAsync($"/requests.xml?{query}"), HttpStatusCode.BadRequest, "xml", mention);
    }

    [Theory]
    [InlineData("start_date=9999-12-31")]
    [InlineData("end_date=9999-12-31")]
    [InlineData("end_date=0001-01-02")]
    [InlineData("start_date=2026-11-27T09:30:00.1234567Z&end_date=2026-11-27T09:30:00.1234567Z")]
    [InlineData("status=&service_code=&page=&page_size=")]
    public async Task Requests_AtTheEdgesOfTheCalendar_AnswerAList(string query) =>
        Assert.Equal(System.Text.Json.JsonValueKind.Array, (await _api.JsonAsync("/requests", "?" + query)).ValueKind);

    private async Task<List<string?>> NumbersAsync(string query)
    {
        var json = await _api.JsonAsync("/requests", "?" + query);
        var xml = await _api.XmlAsync("/requests", "?" + query);
        var numbers = json.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()).ToList();
        Assert.Equal(numbers, xml.Elements("request").Select(r => (string?)r.Element("service_request_id")));
        return numbers;
    }

    private static string W3(DateTimeOffset at) => Uri.EscapeDataString(at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));

    private static string Day(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
