using System.Net;
using System.Net.Http.Json;
using System.Text;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests;

/// <summary>Inputs at the edges of what the API reads: none of them may produce a 500.</summary>
[Collection(ApiCollection.Name)]
public sealed class EdgeInputTests(ZhifaApp app)
{
    private readonly Scenario _scenario = new(app);
    private HttpClient Client => _scenario.Client;

    [Fact]
    public async Task Clue_WhenCharsetIsUnknown_Answers415()
    {
        var content = new StringContent("{}", Encoding.UTF8);
        content.Headers.ContentType = new("application/json") { CharSet = "no-such-charset" };

        var response = await Client.PostAsync("/api/v1/clues", content);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "http.415");
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("0001-01-01T03:00:00")]
    [InlineData("11/28/2026")]
    public async Task Clue_WhenOccurredAtIsNotAnIsoTimeItCanHold_NamesOccurredAt(string occurredAt)
    {
        var response = await _scenario.PostClueAsync(new { channel = "grid", text = "x", lat = 30.8, lon = 120.4, occurredAt });

        await ProblemAssert.NamesFieldAsync(response, "occurredAt");
    }

    [Fact]
    public async Task List_WhenFromIsInYearOne_NamesFrom()
    {
        var response = await Client.GetAsync("/api/v1/incidents?from=0001-01-01");

        await ProblemAssert.NamesFieldAsync(response, "from");
    }

    [Fact]
    public async Task List_WhenToIsABareDate_IncludesThatWholeDay()
    {
        var marker = $"EDGE{Guid.NewGuid():N}"[..16];
        var incident = await _scenario.ReportAsync(matterCode: null, text: marker);
        var day = incident.ReportedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");

        var list = await (await Client.GetAsync($"/api/v1/incidents?q={marker}&from={day}&to={day}"))
            .ReadAsync<Features.Incidents.PagedList<Features.Incidents.IncidentSummary>>();

        Assert.Equal([incident.Id], list.Items.Select(i => i.Id));
    }

    [Theory]
    [InlineData("county,township")]
    [InlineData("1")]
    public async Task Regions_WhenLevelIsNotOneName_NamesLevel(string level)
    {
        var response = await Client.GetAsync($"/api/v1/regions?level={level}");

        await ProblemAssert.NamesFieldAsync(response, "level");
    }

    [Fact]
    public async Task Action_WhenIfMatchIsWeak_Answers412()
    {
        var incident = await _scenario.ReportAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/incidents/{incident.Id}/accept") { Content = JsonContent.Create(new { }) };
        request.Headers.TryAddWithoutValidation("If-Match", $"W/\"{incident.Version}\"");

        var response = await (await _scenario.ActorAsync(incident.Id, "accept")).SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionFailed, "incident.stale");
    }

    [Theory]
    [InlineData("/api/v1/nothing-here", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/incidents/not-a-guid", HttpStatusCode.NotFound)]
    public async Task Request_WhenNoRouteMatches_AnswersAProblemWithAStableCode(string path, HttpStatusCode status)
    {
        var response = await Client.GetAsync(path);

        await ProblemAssert.IsProblemAsync(response, status, $"http.{(int)status}");
    }

    [Fact]
    public async Task Clue_WhenTextEndsInAnEmojiAtTheSummaryLimit_KeepsTheSummaryWhole()
    {
        var text = new string('河', 199) + "🐟" + "尾";
        var incident = await _scenario.ReportAsync(matterCode: null, text: text);

        Assert.Equal(new string('河', 199), incident.Summary);
    }
}
