using System.Globalization;
using System.Net;
using Zhifa.Core.Incidents;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Tests.Media;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Open311;

/// <summary>GET a request and the tokens resource: every field the spec names, and how statuses map.</summary>
[Collection(ApiCollection.Name)]
public sealed class Open311RequestTests(ZhifaApp app)
{
    private readonly Open311Api _api = new(app);
    private readonly Scenario _scenario = new(app);

    [Fact]
    public async Task Request_WhenJustReported_ShowsEveryFieldInBothFormats()
    {
        var fields = await _api.ReportFieldsAsync(Open311Api.Text, ("address_string", "和孚镇荻港村"));
        var number = await Open311Api.NumberOf(await _api.PostAsync(fields));
        var now = Local(app.Time.GetUtcNow());

        var request = await _api.RequestAsync(number);

        Assert.Equal(new Dictionary<string, string?>
        {
            ["service_request_id"] = number,
            ["status"] = "open",
            ["status_notes"] = null,
            ["service_name"] = "河道非法捕捞",
            ["service_code"] = "SY01",
            ["description"] = "河道内发现地笼，疑似非法捕捞",
            ["agency_responsible"] = "南浔区农业农村局",
            ["service_notice"] = "已派遣南浔区农业农村局处置，处置时限1个工作日。",
            ["requested_datetime"] = now,
            ["updated_datetime"] = now,
            ["expected_datetime"] = null,
            ["address"] = "和孚镇荻港村",
            ["address_id"] = null,
            ["zipcode"] = null,
            ["lat"] = request["lat"],
            ["long"] = request["long"],
            ["media_url"] = null,
        }, request);
        foreach (var coordinate in new[] { "lat", "long" })
            Assert.Equal(Parse(fields.Single(f => f.Name == coordinate).Value), Parse(request[coordinate]!));
    }

    [Theory]
    [InlineData(IncidentStatus.Reported, "open", null)]
    [InlineData(IncidentStatus.Dispatched, "open", "南浔区农业农村局")]
    [InlineData(IncidentStatus.InProgress, "open", "南浔区农业农村局")]
    [InlineData(IncidentStatus.Suspended, "open", "南浔区农业农村局")]
    [InlineData(IncidentStatus.Resolved, "open", "南浔区农业农村局")]
    [InlineData(IncidentStatus.Disputed, "open", null)]
    [InlineData(IncidentStatus.Closed, "closed", "南浔区农业农村局")]
    [InlineData(IncidentStatus.Rejected, "closed", null)]
    [InlineData(IncidentStatus.Merged, "closed", null)]
    public async Task Request_InEachStatus_IsOpenOrClosedWithItsAgency(IncidentStatus status, string shown, string? agency)
    {
        var incident = await _scenario.InStatusAsync(status);

        var request = await _api.RequestAsync(incident.Number);

        Assert.Equal((shown, agency), (request["status"], request["agency_responsible"]));
        Assert.Equal(Local(incident.UpdatedAt), request["updated_datetime"]);
        Assert.Equal(Local(incident.ReportedAt), request["requested_datetime"]);
        Assert.Equal(shown == "closed" ? null : agency is null ? "已受理，等待指挥中心分拨。" : $"已派遣{agency}处置，处置时限1个工作日。", request["service_notice"]);
    }

    [Fact]
    public async Task Request_WhenClosed_NotesTheResolutionWithItsPhonesMasked()
    {
        var id = (await _scenario.InStatusAsync(IncidentStatus.InProgress)).Id;
        await _scenario.DoAsync(id, "resolve", new { result = "清理地笼12个，当事人电话13912341111" });
        var closed = await _scenario.DoAsync(id, "verify", new { passed = true });

        var request = await _api.RequestAsync(closed.Number);

        Assert.Equal(("closed", "清理地笼12个，当事人电话139****1111"), (request["status"], request["status_notes"]));
    }

    [Fact]
    public async Task Request_WhenRejected_NotesTheReason()
    {
        var rejected = await _scenario.InStatusAsync(IncidentStatus.Rejected);

        Assert.Equal("非执法事项", (await _api.RequestAsync(rejected.Number))["status_notes"]);
    }

    [Fact]
    public async Task Request_WhenMerged_NotesTheIncidentItJoined()
    {
        var merged = await _scenario.InStatusAsync(IncidentStatus.Merged);
        var target = await _scenario.GetAsync(merged.MergedIntoId!.Value);

        Assert.Equal($"并入 {target.Number}", (await _api.RequestAsync(merged.Number))["status_notes"]);
        Assert.Null((await _api.RequestAsync(target.Number))["status_notes"]);
    }

    [Fact]
    public async Task Request_WhenOpen_HasNoStatusNotesEvenAfterAReturn()
    {
        var disputed = await _scenario.InStatusAsync(IncidentStatus.Disputed);

        Assert.Null((await _api.RequestAsync(disputed.Number))["status_notes"]);
    }

    [Fact]
    public async Task Reads_NeverShowTheReportersNameOrPhone_AndMaskPhonesInText()
    {
        var number = await _api.ReportAsync("有人电鱼，举报人电话13812345678，身份证330503199001011234",
            ("first_name", "三丰"), ("last_name", "张"), ("phone", "13987654321"), ("email", "zhang.sanfeng@example.cn"), ("device_id", "device-7788"),
            ("address_string", "荻港村，联系0572-2345678"));

        var bodies = new List<string>();
        foreach (var path in new[] { $"/requests/{number}.json", $"/requests/{number}.xml", $"/requests.json?service_request_id={number}", $"/requests.xml?service_request_id={number}" })
            bodies.Add(await (await _api.GetAsync(path)).Content.ReadAsStringAsync());

        Assert.All(bodies, body =>
        {
            foreach (var secret in new[] { "张三丰", "三丰", "13987654321", "9876", "zhang.sanfeng", "device-7788", "13812345678", "199001011234", "2345678" })
                Assert.DoesNotContain(secret, body);
        });
        var request = await _api.RequestAsync(number);
        Assert.Equal("有人电鱼，举报人电话138****5678，身份证330****1234", request["description"]);
        Assert.Equal("荻港村，联系057****5678", request["address"]);
    }

    [Fact]
    public async Task Request_WithAPhoto_LinksItsPublicCopyWithoutLocation()
    {
        var reporter = await app.Cast.ChannelAsync(Channels.Open311);
        var photo = await reporter.UploadedAsync(TestImages.WithExif(TestImages.Halves(64, 48), 1, 30.805, 120.4375));
        var at = await _scenario.NextPointAsync(Scenario.Hefu);
        var accepted = await (await reporter.PostJsonAsync("/api/v1/clues", new
        {
            channel = Channels.Open311, text = "河道地笼，附现场照片", matterCode = "SY01", lat = at.Lat, lon = at.Lon, mediaIds = new[] { photo.Id },
        })).ReadAsync<ClueAccepted>();

        var request = await _api.RequestAsync(accepted.IncidentNumber);

        Assert.Equal("http://localhost" + photo.PublicUrl, request["media_url"]);
        var published = await _api.Client.GetByteArrayAsync(request["media_url"]);
        Assert.False(TestImages.Contains(published, TestImages.ExifHeader));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task Request_WhenUnknown_Answers404InTheSpecsFormat(string format) =>
        await Open311Api.AssertErrorsAsync(await _api.GetAsync($"/requests/330599-20200101-0001.{format}"), HttpStatusCode.NotFound, format, "330599-20200101-0001");

    [Fact]
    public async Task Token_OfAClue_AnswersItsRequestInBothFormats()
    {
        var number = await _api.ReportAsync("令牌测试：河道地笼");
        var clueId = await ClueIdAsync(number);

        var json = Assert.Single((await _api.JsonAsync($"/tokens/{clueId}")).EnumerateArray());
        var xml = await _api.XmlAsync($"/tokens/{clueId}");

        Assert.Equal([("service_request_id", number), ("token", clueId.ToString())], Open311Api.Fields(json));
        Assert.Equal("service_requests", xml.Name.LocalName);
        Assert.Equal(Open311Api.Fields(json), Open311Api.Fields(Assert.Single(xml.Elements("request"))));
    }

    [Fact]
    public async Task Token_OfAMergedIncidentsClue_AnswersTheIncidentItJoined()
    {
        var merged = await _scenario.InStatusAsync(IncidentStatus.Merged);
        var target = await _scenario.GetAsync(merged.MergedIntoId!.Value);

        var json = await _api.JsonAsync($"/tokens/{Assert.Single(merged.Clues).Id}");

        Assert.Equal(target.Number, json[0].GetProperty("service_request_id").GetString());
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000", "json")]
    [InlineData("not-a-token", "xml")]
    public async Task Token_WhenUnknown_Answers404(string token, string format) =>
        await Open311Api.AssertErrorsAsync(await _api.GetAsync($"/tokens/{token}.{format}"), HttpStatusCode.NotFound, format, token);

    private async Task<Guid> ClueIdAsync(string number)
    {
        var list = await (await _scenario.Client.GetAsync($"/api/v1/incidents?q={number}")).ReadAsync<PagedList<IncidentSummary>>();
        return Assert.Single((await _scenario.GetAsync(Assert.Single(list.Items).Id)).Clues).Id;
    }

    private static double Parse(string number) => double.Parse(number, CultureInfo.InvariantCulture);

    private static string Local(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
