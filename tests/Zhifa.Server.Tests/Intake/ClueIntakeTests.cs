using System.Globalization;
using System.Net;
using Zhifa.Core.Incidents;
using Zhifa.Core.Time;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Intake;

/// <summary>POST /api/v1/clues: a clue becomes an incident, routed by matter and place.</summary>
[Collection(ApiCollection.Name)]
public sealed class ClueIntakeTests(ZhifaApp app)
{
    /// <summary>长兴县雉城街道: used by the numbering test only, so its numbers are predictable.</summary>
    private const string Zhicheng = "330522001";

    private readonly Scenario _scenario = new(app);

    private HttpClient Client => _scenario.Client;

    [Fact]
    public async Task Report_WhenAccepted_Answers201WithIdsNumberStatusAndLocation()
    {
        var center = (await _scenario.RegionAsync(Scenario.Hefu)).Center;
        var response = await _scenario.PostClueAsync(new
        {
            channel = "app", text = "路边占道经营水果摊", lat = center.Lat, lon = center.Lon, crs = "wgs84", address = "和孚镇荻港村",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var accepted = await response.ReadAsync<ClueAccepted>();
        Assert.NotEqual(Guid.Empty, accepted.ClueId);
        Assert.NotEqual(Guid.Empty, accepted.IncidentId);
        Assert.Equal(IncidentStatus.Reported, accepted.Status);
        var today = PlatformTime.LocalDate(app.Time.GetUtcNow()).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        Assert.Matches($@"^330503-{today}-\d{{4}}$", accepted.IncidentNumber);
        Assert.Equal($"/api/v1/incidents/{accepted.IncidentId}", response.Headers.Location?.OriginalString);

        var incident = await _scenario.GetAsync(accepted.IncidentId);
        Assert.Equal(accepted.IncidentNumber, incident.Number);
        Assert.Equal(accepted.ClueId, Assert.Single(incident.Clues).Id);
    }

    [Fact]
    public async Task Report_WhenDelegatedMatterInKnownPlace_IsDispatchedToTownshipTeamAtOnce()
    {
        var incident = await _scenario.ReportAsync("SR01", Scenario.Hefu, text: "镇区主干道占道经营");

        Assert.Equal(IncidentStatus.Dispatched, incident.Status);
        Assert.Equal("330503106-ZHZX", incident.HandlingCenterCode);
        Assert.Equal(Scenario.Hefu, incident.RegionCode);
        var lead = Assert.Single(incident.Assignments);
        Assert.Equal(("330503106-ZFD", AssignmentRole.Lead), (lead.DepartmentCode, lead.Role));
        Assert.Equal(["report", "dispatch"], incident.Timeline.Select(t => t.Action));
        Assert.Equal(IntakeService.RouterActor, incident.Timeline[1].Actor);
    }

    [Fact]
    public async Task Report_WhenMatterHasCoDepartments_AssignsLeadAndCoDepartments()
    {
        var incident = await _scenario.ReportAsync("SY01", Scenario.Hefu);

        Assert.Equal(IncidentStatus.Dispatched, incident.Status);
        Assert.Equal(("330503-NYNC", AssignmentRole.Lead), (incident.Assignments[0].DepartmentCode, incident.Assignments[0].Role));
        Assert.Equal(["330503-SL", "330503106-ZFD"], incident.Assignments.Skip(1).Where(a => a.Role == AssignmentRole.Co).Select(a => a.DepartmentCode).Order());
    }

    [Fact]
    public async Task Report_WhenMatterHasCoDepartments_ReadsThemBackInTheMattersOrder()
    {
        // Co-assignments made in one dispatch share their time; their order must not depend on random id bits.
        for (var n = 0; n < 6; n++)
        {
            var incident = await _scenario.ReportAsync("SY01", Scenario.Hefu, text: $"河道地笼 第{n}处");
            Assert.Equal(["330503-NYNC", "330503-SL", "330503106-ZFD"], incident.Assignments.Select(a => a.DepartmentCode));
        }
    }

    [Fact]
    public async Task Report_WhenMatterUnknown_StaysReportedAtCountyCentre()
    {
        var incident = await _scenario.ReportAsync(matterCode: null, Scenario.Hefu);

        Assert.Equal(IncidentStatus.Reported, incident.Status);
        Assert.Null(incident.MatterCode);
        Assert.Equal("330503-ZHZX", incident.HandlingCenterCode);
        Assert.StartsWith(Scenario.Hefu, incident.GridCode);
        Assert.Empty(incident.Assignments);
        Assert.Equal(["report"], incident.Timeline.Select(t => t.Action));
    }

    [Fact]
    public async Task Number_WhenSameCountyAndDay_IncreasesAndRestartsNextDay()
    {
        var first = await _scenario.ReportAsync(matterCode: null, Zhicheng);
        var second = await _scenario.ReportAsync(matterCode: null, Zhicheng);
        app.Time.Advance(TimeSpan.FromDays(1));
        var nextDay = await _scenario.ReportAsync(matterCode: null, Zhicheng);

        var (day1, seq1) = Parse(first.Number);
        var (day2, seq2) = Parse(second.Number);
        var (day3, seq3) = Parse(nextDay.Number);
        Assert.Equal(day1, day2);
        Assert.Equal(seq1 + 1, seq2);
        Assert.Equal(day1.AddDays(1), day3);
        Assert.Equal(PlatformTime.LocalDate(app.Time.GetUtcNow()), day3);
        Assert.Equal(1, seq3);

        static (DateOnly Day, int Seq) Parse(string number)
        {
            var parts = number.Split('-');
            Assert.Equal("330522", parts[0]);
            return (DateOnly.ParseExact(parts[1], "yyyyMMdd", CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Report_WhenSameChannelAndExternalIdTwice_Answers200WithFirstIncidentAndCreatesNothing()
    {
        var center = (await _scenario.RegionAsync(Scenario.Hefu)).Center;
        var body = new { channel = "hotline12345", externalId = $"12345-{Guid.NewGuid():N}", text = "重复推送的工单", lat = center.Lat, lon = center.Lon };
        var first = await _scenario.PostClueAsync(body);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var accepted = await first.ReadAsync<ClueAccepted>();
        var total = await TotalAsync();

        var again = await _scenario.PostClueAsync(body);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var repeated = await again.ReadAsync<ClueAccepted>();

        Assert.Equal((accepted.IncidentId, accepted.ClueId, accepted.IncidentNumber), (repeated.IncidentId, repeated.ClueId, repeated.IncidentNumber));
        Assert.Equal(total, await TotalAsync());
        Assert.Single((await _scenario.GetAsync(accepted.IncidentId)).Clues);
    }

    [Fact]
    public async Task Report_WhenSameExternalIdFromAnotherChannel_CreatesAnotherIncident()
    {
        var center = (await _scenario.RegionAsync(Scenario.Hefu)).Center;
        var externalId = $"ext-{Guid.NewGuid():N}";
        var first = await (await _scenario.PostClueAsync(new { channel = "hotline12345", externalId, text = "同号不同渠道", lat = center.Lat, lon = center.Lon })).ReadAsync<ClueAccepted>();
        var response = await _scenario.PostClueAsync(new { channel = "citymgmt", externalId, text = "同号不同渠道", lat = center.Lat, lon = center.Lon });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotEqual(first.IncidentId, (await response.ReadAsync<ClueAccepted>()).IncidentId);
    }

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { """{"text":"拒绝-无渠道","lat":30.8,"lon":120.4}""", "channel" },
        { """{"channel":"grid","lat":30.8,"lon":120.4}""", "text" },
        { """{"channel":"grid","text":"   ","lat":30.8,"lon":120.4}""", "text" },
        { """{"channel":"grid","text":"拒绝-无纬度","lon":120.4}""", "lat" },
        { """{"channel":"grid","text":"拒绝-无经度","lat":30.8}""", "lon" },
        { """{"channel":"fax","text":"拒绝-未知渠道","lat":30.8,"lon":120.4}""", "channel" },
        { """{"channel":"grid","text":"拒绝-未知事项","matterCode":"XX99","lat":30.8,"lon":120.4}""", "matterCode" },
        { """{"channel":"grid","text":"拒绝-纬度越界","lat":91,"lon":120.4}""", "lat" },
        { """{"channel":"grid","text":"拒绝-经度越界","lat":30.8,"lon":181}""", "lon" },
        { """{"channel":"grid","text":"拒绝-百度坐标","lat":30.8,"lon":120.4,"crs":"bd09"}""", "crs" },
        { """{"channel":"grid","text":"拒绝-区域外","lat":0,"lon":0}""", "lat" },
        { """{"channel":"grid","text":"拒绝-区域外","lat":0,"lon":0}""", "lon" },
        { """{"channel":"grid","text":"拒绝-经纬颠倒","lat":120.3,"lon":30.8}""", "lat" },
        { """{"channel":"grid","text":"拒绝-杭州","lat":30.25,"lon":120.16}""", "lat" },
        { $$"""{"channel":"grid","text":"{{new string('长', 2001)}}","lat":30.8,"lon":120.4}""", "text" },
        { """{"channel":"grid","text":"拒绝-坏JSON","lat":30.8,""", "body" },
        { """{"channel":"grid","text":"拒绝-类型错误","lat":"abc","lon":120.4}""", "lat" },
        { """{"channel":"grid","text":"拒绝-经度类型错误","lat":30.8,"lon":true}""", "lon" },
        { """{"channel":"grid","text":"拒绝-纬度溢出","lat":1e400,"lon":120.4}""", "lat" },
        { """{"channel":"grid","text":"拒绝-时间格式","lat":30.8,"lon":120.4,"occurredAt":"yesterday"}""", "occurredAt" },
        { $$"""{"channel":"grid","externalId":"{{new string('x', 101)}}","text":"拒绝-外部编号过长","lat":30.8,"lon":120.4}""", "externalId" },
        { """[1,2,3]""", "body" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Report_WhenBodyInvalid_Answers400NamingFieldAndCreatesNothing(string json, string field)
    {
        var total = await TotalAsync();

        var response = await _scenario.PostRawClueAsync(json);

        await ProblemAssert.NamesFieldAsync(response, field);
        Assert.Equal(total, await TotalAsync());
    }

    [Fact]
    public async Task Report_WhenEveryRequiredFieldMissing_NamesEachOfThem()
    {
        var response = await _scenario.PostRawClueAsync("{}");

        var problem = await ProblemAssert.NamesFieldAsync(response, "channel");
        var errors = problem.GetProperty("errors");
        Assert.All(["text", "lat", "lon"], field => Assert.True(errors.TryGetProperty(field, out _), $"'{field}' not named: {errors}"));
    }

    [Fact]
    public async Task Report_WhenBodyEmpty_Answers400AndCreatesNothing()
    {
        var total = await TotalAsync();

        var response = await _scenario.PostRawClueAsync("");

        await ProblemAssert.NamesFieldAsync(response, "body");
        Assert.Equal(total, await TotalAsync());
    }

    [Fact]
    public async Task Report_WhenTextExactly2000Chars_IsAccepted()
    {
        var center = (await _scenario.RegionAsync(Scenario.Hefu)).Center;

        var response = await _scenario.PostClueAsync(new { channel = "manual", text = new string('长', 2000), lat = center.Lat, lon = center.Lon });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<int> TotalAsync() =>
        (await (await Client.GetAsync("/api/v1/incidents?pageSize=1")).ReadAsync<PagedList<IncidentSummary>>()).Total;
}
