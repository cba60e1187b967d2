using System.Net;
using Zhifa.Server.Features.ApiKeys;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Open311;

/// <summary>
/// Whatever goes wrong under /open311 is answered in the spec's error format, in the format asked
/// for: never problem+json, never a 500.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class Open311ErrorTests(ZhifaApp app)
{
    private readonly Open311Api _api = new(app);

    [Theory]
    [InlineData("/discovery.yaml")]
    [InlineData("/services.csv")]
    [InlineData("/services/SY01.html")]
    [InlineData("/requests.txt")]
    [InlineData("/requests/330503-20261127-0001.atom")]
    [InlineData("/tokens/00000000-0000-0000-0000-000000000000.rss")]
    public async Task Resource_WhenTheFormatIsUnknown_Answers400InXml(string path) =>
        await Open311Api.AssertErrorsAsync(await _api.GetAsync(path), HttpStatusCode.BadRequest, "xml", "format");

    [Fact]
    public async Task Post_WhenTheFormatIsUnknown_Answers400AndWritesNothing()
    {
        var before = await _api.CountsAsync();

        var response = await _api.Client.PostAsync($"{Open311Api.Base}/requests.csv", new FormUrlEncodedContent([]));

        await Open311Api.AssertErrorsAsync(response, HttpStatusCode.BadRequest, "xml", "csv");
        Assert.Equal(before, await _api.CountsAsync());
    }

    [Theory]
    [InlineData("/open311/v2/nothing.json", "json")]
    [InlineData("/open311/v2/services", "xml")]
    [InlineData("/open311/v3/services.json", "json")]
    [InlineData("/open311", "xml")]
    public async Task Path_WhenNoResource_Answers404InTheSpecsFormat(string path, string format) =>
        await Open311Api.AssertErrorsAsync(await _api.Client.GetAsync(path), HttpStatusCode.NotFound, format);

    [Theory]
    [InlineData("DELETE", "/open311/v2/requests.json", "json")]
    [InlineData("PUT", "/open311/v2/services/SY01.xml", "xml")]
    [InlineData("PATCH", "/open311/v2/requests/330503-20261127-0001.json", "json")]
    public async Task Method_WhenNotServed_Answers405InTheSpecsFormat(string method, string path, string format) =>
        await Open311Api.AssertErrorsAsync(await _api.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)),
            HttpStatusCode.MethodNotAllowed, format, method);

    [Fact]
    public async Task Read_WithAnUnknownXApiKeyHeader_IsStillPublic()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"{Open311Api.Base}/services.json");
        request.Headers.Add(ApiKeyAuthenticationHandler.Header, "zf_not-a-key");

        var response = await _api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Read_WhenOverTheLimit_Answers429InTheSpecsFormatWithRetryAfter()
    {
        await using var limited = new LimitedServer(app);

        var answers = await limited.BurstAsync(c => c.GetAsync($"{Open311Api.Base}/services.json"));

        await Open311Api.AssertErrorsAsync(LimitedServer.FirstRefused(answers, HttpStatusCode.OK), HttpStatusCode.TooManyRequests, "json");
    }

    [Fact]
    public async Task Post_WhenOverTheLimit_Answers429AndWritesNoMore()
    {
        await using var limited = new LimitedServer(app);
        var key = await app.Cast.KeyAsync(Core.Incidents.Channels.Open311);
        var before = await _api.CountsAsync();

        var answers = await limited.BurstAsync(async c =>
            await c.PostAsync($"{Open311Api.Base}/requests.xml", Open311Api.Form([.. await _api.ReportFieldsAsync(), ("api_key", key)])));

        await Open311Api.AssertErrorsAsync(LimitedServer.FirstRefused(answers, HttpStatusCode.OK), HttpStatusCode.TooManyRequests, "xml");
        var accepted = answers.Count(a => a.StatusCode == HttpStatusCode.OK);
        Assert.Equal(before.Incidents + accepted, (await _api.CountsAsync()).Incidents);
    }
}
