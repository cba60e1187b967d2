using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Incidents;
using Zhifa.Server.Features.ApiKeys;
using Zhifa.Server.Features.Audit;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Open311;

/// <summary>POST requests: a form with a channel key becomes a clue through the platform's intake.</summary>
[Collection(ApiCollection.Name)]
public sealed class Open311PostTests(ZhifaApp app)
{
    private readonly Open311Api _api = new(app);

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task Post_WhenValid_AnswersTheIncidentsNumberNoticeAndAccount(string format)
    {
        var response = await _api.PostAsync(await _api.ReportFieldsAsync(extra: ("account_id", "citizen-42")), format);

        var fields = format == "json"
            ? Open311Api.Fields(Assert.Single((await Open311Api.JsonOf(response)).EnumerateArray()))
            : Open311Api.Fields(Assert.Single((await Open311Api.XmlOf(response)).Elements("request")));
        Assert.Equal(["service_request_id", "service_notice", "account_id"], fields.Select(f => f.Name));
        Assert.Matches(@"^330503-\d{8}-\d{4}$", fields[0].Value);
        Assert.Equal("已派遣南浔区农业农村局处置，处置时限1个工作日。", fields[1].Value);
        Assert.Equal("citizen-42", fields[2].Value);
    }

    [Fact]
    public async Task Post_WhenXml_HasTheServiceRequestsRoot()
    {
        var xml = await Open311Api.XmlOf(await _api.PostAsync(await _api.ReportFieldsAsync(), "xml"));

        Assert.Equal("service_requests", xml.Name.LocalName);
        Assert.Null(Assert.Single(xml.Elements("request")).Element("token"));
    }

    [Fact]
    public async Task Post_WhenValid_MakesAClueOfTheKeysChannelWithEveryFieldMapped()
    {
        var fields = await _api.ReportFieldsAsync("河道内有人电鱼", ("address_string", "和孚镇荻港村"), ("attribute[occurred_at]", "2026-11-27T07:30:00+08:00"),
            ("first_name", "三"), ("last_name", "张"), ("phone", "13812341234"), ("email", "zhang@example.cn"), ("device_id", "dev-1"));
        var number = await Open311Api.NumberOf(await _api.PostAsync(fields));

        // The handling centre's dispatcher sees the reporter whole.
        var incident = await IncidentAsync(number, "dispatcher.nanxun");
        Assert.Equal((IncidentStatus.Dispatched, "SY01"), (incident.Status, incident.MatterCode));
        Assert.Equal("330503-NYNC", incident.Assignments[0].DepartmentCode);
        var clue = Assert.Single(incident.Clues);
        Assert.Equal((Channels.Open311, "河道内有人电鱼", "和孚镇荻港村"), (clue.Channel, clue.Text, clue.Address));
        Assert.Equal(("张三", "13812341234"), (clue.ReporterName, clue.ReporterPhone));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 7, 30, 0, TimeSpan.FromHours(8)), clue.OccurredAt);
        Assert.Equal((Field(fields, "lat"), Field(fields, "long")), (incident.Lat, incident.Lon));
        Assert.Equal("apikey:test open311", incident.Timeline[0].Actor);
    }

    [Fact]
    public async Task Post_WithAnotherChannelsKey_ReportsForThatChannel()
    {
        var number = await _api.ReportAsync(extra: ("api_key", await app.Cast.KeyAsync(Channels.Hotline12345)));

        Assert.Equal(Channels.Hotline12345, Assert.Single((await IncidentAsync(number)).Clues).Channel);
    }

    [Fact]
    public async Task Post_WhenTheSameProblemIsReportedAgain_AnswersTheIncidentItJoined()
    {
        var fields = await _api.ReportFieldsAsync("河道内发现地笼，疑似非法捕捞，重复举报测试");
        var first = await Open311Api.NumberOf(await _api.PostAsync(fields));
        var before = await _api.CountsAsync();

        var again = await Open311Api.NumberOf(await _api.PostAsync(fields));

        Assert.Equal(first, again);
        Assert.Equal((before.Incidents, before.Clues + 1), await _api.CountsAsync());
    }

    [Fact]
    public async Task Post_WithTheSameIdempotencyKeyTwice_AnswersTheFirstRequestAndWritesOnce()
    {
        var (fields, key) = (await _api.ReportFieldsAsync("幂等测试：河道地笼"), Guid.NewGuid().ToString());
        var first = await Open311Api.NumberOf(await PostWithKeyAsync(fields, key));
        var before = await _api.CountsAsync();

        var again = await Open311Api.NumberOf(await PostWithKeyAsync(fields, key));

        Assert.Equal(first, again);
        Assert.Equal(before, await _api.CountsAsync());
    }

    [Fact]
    public async Task Post_WithAnIdempotencyKeyUsedForAnotherForm_Answers400AndWritesNothing()
    {
        var key = Guid.NewGuid().ToString();
        await Open311Api.NumberOf(await PostWithKeyAsync(await _api.ReportFieldsAsync("幂等测试：第一份"), key));
        var before = await _api.CountsAsync();

        var response = await PostWithKeyAsync(await _api.ReportFieldsAsync("幂等测试：另一份"), key);

        await Open311Api.AssertErrorsAsync(response, HttpStatusCode.BadRequest, "json", "Idempotency-Key");
        Assert.Equal(before, await _api.CountsAsync());
    }

    [Fact]
    public async Task Post_WithAMalformedIdempotencyKey_Answers400NamingIt() =>
        await Open311Api.AssertErrorsAsync(await PostWithKeyAsync(await _api.ReportFieldsAsync(), "has spaces"), HttpStatusCode.BadRequest, "json", "Idempotency-Key");

    [Fact]
    public async Task Post_WhenAccepted_IsAuditedUnderTheKeyWithTheIncidentAsTarget()
    {
        var number = await _api.ReportAsync("审计测试：河道地笼");
        var incident = await IncidentAsync(number);

        var entry = Assert.Single(await AuditAsync("apikey:test open311"), e => e.Target == incident.Id.ToString());
        Assert.Equal(("POST /open311/v2/requests.{format}", 200), (entry.Action, entry.Status));
        Assert.Contains(number, entry.Summary);
    }

    [Fact]
    public async Task Post_WhenRefused_IsAuditedWithItsStatus()
    {
        await _api.PostAsync(await _api.ReportFieldsAsync(extra: ("api_key", "zf_not-a-key-audit")));

        Assert.Contains(await AuditAsync("anonymous"), e => e.Action == "POST /open311/v2/requests.{format}" && e.Status == 403);
    }

    public static TheoryData<string, (string, string)[], HttpStatusCode, string> Refusals => new()
    {
        { "json", [("api_key", "")], HttpStatusCode.Forbidden, "api_key" },
        { "xml", [("api_key", "zf_unknown-key")], HttpStatusCode.Forbidden, "api_key" },
        { "json", [("service_code", "ZZ99")], HttpStatusCode.NotFound, "ZZ99" },
        { "xml", [("jurisdiction_id", "sfgov.org")], HttpStatusCode.NotFound, "sfgov.org" },
        { "json", [("service_code", "")], HttpStatusCode.BadRequest, "service_code" },
        { "xml", [("lat", ""), ("long", ""), ("address_string", "和孚镇荻港村")], HttpStatusCode.BadRequest, "address_string" },
        { "json", [("lat", ""), ("long", ""), ("address_id", "A-100")], HttpStatusCode.BadRequest, "address_id" },
        { "xml", [("lat", ""), ("long", "")], HttpStatusCode.BadRequest, "lat and long" },
        { "json", [("lat", "北纬30度")], HttpStatusCode.BadRequest, "lat" },
        { "xml", [("long", "NaN")], HttpStatusCode.BadRequest, "long" },
        { "json", [("lat", "91")], HttpStatusCode.BadRequest, "lat" },
        { "xml", [("lat", "")], HttpStatusCode.BadRequest, "lat" },
        { "json", [("description", "")], HttpStatusCode.BadRequest, "description" },
        { "xml", [("description", new string('河', 2001))], HttpStatusCode.BadRequest, "description" },
        { "json", [("attribute[occurred_at]", "昨天")], HttpStatusCode.BadRequest, "occurred_at" },
        { "xml", [("attribute[occurred_at][]", "2026-11-27"), ("attribute[occurred_at]", "2026-11-26")], HttpStatusCode.BadRequest, "occurred_at" },
        { "json", [("first_name", new string('名', 65))], HttpStatusCode.BadRequest, "first_name" },
        { "xml", [("phone", new string('1', 33))], HttpStatusCode.BadRequest, "phone" },
        { "json", [("media_url", "javascript:alert(1)")], HttpStatusCode.BadRequest, "media_url" },
        { "xml", [("account_id", new string('a', 101))], HttpStatusCode.BadRequest, "account_id" },
        { "json", [("lat", "31.2304"), ("long", "121.4737")], HttpStatusCode.BadRequest, "outside the platform's area" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Post_WhenRefused_AnswersTheSpecsErrorAndWritesNothing(string format, (string, string)[] fields, HttpStatusCode status, string mention)
    {
        var before = await _api.CountsAsync();

        var response = await _api.PostAsync(await _api.ReportFieldsAsync("不应保存的线索", fields), format);

        await Open311Api.AssertErrorsAsync(response, status, format, mention);
        Assert.Equal(before, await _api.CountsAsync());
    }

    [Fact]
    public async Task Post_WhenSeveralFieldsAreWrong_NamesEachOfThem()
    {
        var response = await _api.PostAsync([("service_code", "SY01"), ("lat", "abc"), ("long", "200")], "json");

        var errors = await Open311Api.AssertErrorsAsync(response, HttpStatusCode.BadRequest, "json", "lat", "long", "description");
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public async Task Post_WithARevokedKey_Answers403AndWritesNothing()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
        var (record, key) = await keys.IssueAsync(Channels.Open311, "open311 to revoke", CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, (await _api.PostAsync(await _api.ReportFieldsAsync(extra: ("api_key", key)))).StatusCode);
        await keys.RevokeAsync(record.Id, CancellationToken.None);
        var before = await _api.CountsAsync();

        await Open311Api.AssertErrorsAsync(await _api.PostAsync(await _api.ReportFieldsAsync(extra: ("api_key", key))), HttpStatusCode.Forbidden, "json", "revoked");
        Assert.Equal(before, await _api.CountsAsync());
    }

    [Theory]
    [InlineData("application/json", "{\"service_code\":\"SY01\"}")]
    [InlineData("text/plain", "service_code=SY01")]
    [InlineData("multipart/form-data", "no boundary")]
    [InlineData("application/x-www-form-urlencoded; charset=gbk", "service_code=SY01")]
    public async Task Post_WhenTheBodyIsNotAForm_Answers400AndWritesNothing(string contentType, string body)
    {
        var before = await _api.CountsAsync();
        var content = new StringContent(body);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        var response = await _api.Client.PostAsync($"{Open311Api.Base}/requests.xml", content);

        await Open311Api.AssertErrorsAsync(response, HttpStatusCode.BadRequest, "xml");
        Assert.Equal(before, await _api.CountsAsync());
    }

    private async Task<HttpResponseMessage> PostWithKeyAsync(List<(string Name, string Value)> fields, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Open311Api.Base}/requests.json")
        {
            Content = Open311Api.Form([.. fields, ("api_key", await app.Cast.KeyAsync(Channels.Open311))]),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        return await _api.Client.SendAsync(request);
    }

    private static double Field(List<(string Name, string Value)> fields, string name) =>
        double.Parse(fields.Single(f => f.Name == name).Value, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<IncidentDetail> IncidentAsync(string number, string userName = Cast.CityDispatcher)
    {
        var reader = app.Cast.As(userName);
        var list = await (await reader.GetAsync($"/api/v1/incidents?q={number}")).ReadAsync<PagedList<IncidentSummary>>();
        return await (await reader.GetAsync($"/api/v1/incidents/{Assert.Single(list.Items).Id}")).ReadAsync<IncidentDetail>();
    }

    private async Task<IReadOnlyList<AuditEntryView>> AuditAsync(string actor) =>
        (await (await app.Cast.As("admin").GetAsync($"/api/v1/audit?actor={Uri.EscapeDataString(actor)}&pageSize=500")).ReadAsync<PagedList<AuditEntryView>>()).Items;
}
