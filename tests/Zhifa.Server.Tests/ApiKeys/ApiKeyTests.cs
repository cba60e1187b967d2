using System.Net;
using Zhifa.Server.Features.ApiKeys;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Tests.Auth;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.ApiKeys;

/// <summary>Channel clients: keys issued by an admin, bound to one channel, stored hashed, revocable.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApiKeyTests(ZhifaApp app)
{
    private const string Keys = "/api/v1/api-keys";

    [Fact]
    public async Task Issue_WhenAdmin_AnswersTheKeyOnceAndListsItWithoutIt()
    {
        var admin = await AdminAsync();
        var name = $"市民热线 {Guid.NewGuid():N}"[..16];

        var issued = await (await admin.PostJsonAsync(Keys, new { channel = "hotline12345", name })).ReadAsync<IssuedApiKey>();

        Assert.StartsWith("zf_", issued.Key);
        var listed = await (await admin.GetAsync(Keys)).Content.ReadAsStringAsync();
        Assert.Contains(name, listed);
        Assert.DoesNotContain(issued.Key, listed);
        Assert.DoesNotContain(ApiKeySecrets.Hash(issued.Key), listed);
    }

    [Fact]
    public async Task Clue_WhenSentWithAKeyOfItsChannel_IsAcceptedAndNamesTheClient()
    {
        var key = await IssueAsync("citymgmt");
        var client = WithKey(key.Key);

        var accepted = await (await client.PostJsonAsync("/api/v1/clues", Clue("citymgmt"))).ReadAsync<ClueAccepted>();

        var incident = await (await app.Cast.As(Cast.CityDispatcher).GetAsync($"/api/v1/incidents/{accepted.IncidentId}")).ReadAsync<IncidentDetail>();
        Assert.Equal($"apikey:{key.Name}", incident.Timeline[0].Actor);
    }

    [Fact]
    public async Task Clue_WhenTheKeyBelongsToAnotherChannel_Answers403AndCreatesNothing()
    {
        var key = await IssueAsync("hotline12345");
        var marker = $"KEY{Guid.NewGuid():N}"[..16];

        var response = await WithKey(key.Key).PostJsonAsync("/api/v1/clues", Clue("grid", marker));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "intake.channel_mismatch");
        var list = await (await app.Cast.As(Cast.CityDispatcher).GetAsync($"/api/v1/incidents?q={marker}")).ReadAsync<PagedList<IncidentSummary>>();
        Assert.Equal(0, list.Total);
    }

    [Fact]
    public async Task Clue_WhenTheKeyIsRevokedOrUnknown_Answers401()
    {
        var key = await IssueAsync("app");
        var admin = await AdminAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Keys}/{key.Id}")).StatusCode);

        await ProblemAssert.IsProblemAsync(await WithKey(key.Key).PostJsonAsync("/api/v1/clues", Clue("app")), HttpStatusCode.Unauthorized, "auth.api_key_invalid");
        await ProblemAssert.IsProblemAsync(await WithKey("zf_not-a-key").PostJsonAsync("/api/v1/clues", Clue("app")), HttpStatusCode.Unauthorized, "auth.api_key_invalid");
    }

    [Theory]
    [InlineData(null, "n", "channel")]
    [InlineData("manual", "n", "channel")]
    [InlineData("fax", "n", "channel")]
    [InlineData("hotline12345", null, "name")]
    public async Task Issue_WhenFieldsAreWrong_NamesThem(string? channel, string? name, string field)
    {
        var response = await (await AdminAsync()).PostJsonAsync(Keys, new { channel, name });

        await ProblemAssert.NamesFieldAsync(response, field);
    }

    [Fact]
    public async Task Keys_WhenCallerIsNotAdmin_Answer403_AndWithoutSignIn401()
    {
        var dispatcher = await app.DemoClientAsync("dispatcher.nanxun");

        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostJsonAsync(Keys, new { channel = "app", name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.GetAsync(Keys)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync(Keys)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await WithKey((await IssueAsync("spoil")).Key).GetAsync(Keys)).StatusCode);
    }

    [Fact]
    public async Task Revoke_WhenNoSuchKey_Answers404()
    {
        var response = await (await AdminAsync()).DeleteAsync($"{Keys}/{Guid.NewGuid()}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "api_key.not_found");
    }

    private static object Clue(string channel, string text = "路口占道经营") => new { channel, text, lat = 30.805, lon = 120.4375 };

    private HttpClient WithKey(string key)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, key);
        return client;
    }

    private async Task<IssuedApiKey> IssueAsync(string channel) =>
        await (await (await AdminAsync()).PostJsonAsync(Keys, new { channel, name = $"{channel}-{Guid.NewGuid():N}"[..20] })).ReadAsync<IssuedApiKey>();

    private Task<HttpClient> AdminAsync() => app.DemoClientAsync("admin", withTotp: true);
}
