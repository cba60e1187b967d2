using System.Net;
using System.Net.Http.Json;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Intake;

/// <summary>The Idempotency-Key header on POST /api/v1/clues: a retried request answers its first result.</summary>
[Collection(ApiCollection.Name)]
public sealed class IdempotencyKeyTests(ZhifaApp app)
{
    private readonly Scenario _scenario = new(app);

    [Fact]
    public async Task Report_WhenSameKeyTwice_Answers200WithFirstResultAndCreatesNothing()
    {
        var client = await _scenario.ReporterAsync("citymgmt");
        var body = await ClueAsync("城管巡查：店外经营占道");
        var key = Guid.NewGuid().ToString();

        var first = await PostAsync(client, body, key);
        var total = await _scenario.TotalAsync();
        var again = await PostAsync(client, body, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await first.ReadAsync<ClueAccepted>(), await again.ReadAsync<ClueAccepted>());
        Assert.Equal(total, await _scenario.TotalAsync());
    }

    [Fact]
    public async Task Report_WhenSameKeyWithAnotherBody_Answers422AndCreatesNothing()
    {
        var client = await _scenario.ReporterAsync("citymgmt");
        var key = Guid.NewGuid().ToString();
        await PostAsync(client, await ClueAsync("第一条：乱堆放"), key);
        var total = await _scenario.TotalAsync();

        var response = await PostAsync(client, await ClueAsync("第二条：暴露垃圾"), key);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, IntakeReplays.KeyReusedCode);
        Assert.Equal(total, await _scenario.TotalAsync());
    }

    [Fact]
    public async Task Report_WhenTwoReportersPickTheSameKey_EachGetsTheirOwnIncident()
    {
        var key = Guid.NewGuid().ToString();
        var body = await ClueAsync("两个系统碰巧用同一个幂等键");

        var fromCityManagement = await (await PostAsync(await _scenario.ReporterAsync("citymgmt"), body, key)).ReadAsync<ClueAccepted>();
        var fromApp = await PostAsync(await _scenario.ReporterAsync("app"), body with { Channel = "app" }, key);

        Assert.Equal(HttpStatusCode.Created, fromApp.StatusCode);
        Assert.NotEqual(fromCityManagement.IncidentId, (await fromApp.ReadAsync<ClueAccepted>()).IncidentId);
    }

    [Fact]
    public async Task Report_WhenRetriedConcurrently_CreatesOneIncident()
    {
        var client = await _scenario.ReporterAsync("citymgmt");
        var body = await ClueAsync("网络抖动时客户端并发重试");
        var key = Guid.NewGuid().ToString();
        var total = await _scenario.TotalAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync(client, body, key)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        var answers = await Task.WhenAll(responses.Select(r => r.ReadAsync<ClueAccepted>()));
        Assert.Single(answers.Select(a => a.IncidentId).Distinct());
        Assert.Equal(total + 1, await _scenario.TotalAsync());
    }

    [Theory]
    [InlineData("带中文的键")]
    [InlineData("has space")]
    [InlineData("x")]
    public async Task Report_WhenKeyMalformed_Answers400NamingTheHeaderAndCreatesNothing(string key)
    {
        // "x" is well-formed: it is repeated below past the length limit.
        if (key == "x")
            key = new string('x', IntakeReplays.MaxKeyLength + 1);
        var client = await _scenario.ReporterAsync("citymgmt");
        var total = await _scenario.TotalAsync();

        var response = await PostAsync(client, await ClueAsync("坏的幂等键"), key);

        await ProblemAssert.NamesFieldAsync(response, IntakeReplays.HeaderName);
        Assert.Equal(total, await _scenario.TotalAsync());
    }

    private async Task<ClueRequest> ClueAsync(string text)
    {
        var point = await _scenario.NextPointAsync(Scenario.Hefu);
        return new ClueRequest("citymgmt", null, text, null, point.Lat, point.Lon, null, null, null, null, null, null);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, ClueRequest body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/clues") { Content = JsonContent.Create(body, options: Json.Options) };
        request.Headers.TryAddWithoutValidation(IntakeReplays.HeaderName, key);
        return await client.SendAsync(request);
    }
}
