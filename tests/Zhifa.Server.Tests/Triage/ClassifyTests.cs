using System.Net;
using Zhifa.Core.Incidents;
using Zhifa.Server.Features.Triage;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Triage;

/// <summary>POST /api/v1/triage/classify: the matters of a clue's text, best first.</summary>
[Collection(ApiCollection.Name)]
public sealed class ClassifyTests(ZhifaApp app) : IAsyncLifetime
{
    private const string StreetVending = "市民来电反映：南街菜场门口每天早上有五六个流动摊贩推着三轮车占道卖菜卖水果，行人只能走到机动车道上，请相关部门处理。";

    private HttpClient Dispatcher => app.Cast.As(Cast.CityDispatcher);

    public Task InitializeAsync() => TriageApi.ReadyAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Classify_WhenTextGiven_AnswersAtLeastThreeMattersBestFirstWithProbabilities()
    {
        var answer = await Dispatcher.SuggestAsync("巡查发现河道内有人放置地笼捕鱼，约二十余个。");

        Assert.True(answer.Suggestions.Count >= ClassifierOptions.MinSuggestions, $"{answer.Suggestions.Count} suggestions");
        Assert.All(answer.Suggestions, s => Assert.InRange(s.Confidence, 0, 1));
        Assert.Equal(answer.Suggestions.OrderByDescending(s => s.Confidence).Select(s => s.Confidence), answer.Suggestions.Select(s => s.Confidence));
        Assert.Equal(answer.Suggestions.Count, answer.Codes().Distinct().Count());
        Assert.Equal("SY01", answer.Suggestions[0].MatterCode);
    }

    [Fact]
    public async Task Classify_WhenHotlineReportsStreetVending_SuggestsSR01First()
    {
        var hotline = await app.Cast.ChannelAsync(Channels.Hotline12345);

        var answer = await hotline.SuggestAsync(StreetVending);

        Assert.Equal("SR01", answer.Suggestions[0].MatterCode);
        Assert.Equal(answer.Suggestions[0].Confidence >= app.Services.GetClassifierOptions().AutoDispatchThreshold, answer.Confident);
    }

    [Fact]
    public async Task Classify_WhenSameTextTwice_AnswersTheSame()
    {
        var first = await Dispatcher.SuggestAsync(StreetVending);
        var second = await Dispatcher.SuggestAsync(StreetVending);

        Assert.Equal(first.Suggestions, second.Suggestions);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"text": null}""")]
    [InlineData("""{"text": ""}""")]
    [InlineData("""{"text": "   \n\t "}""")]
    public async Task Classify_WhenTextMissingOrBlank_Answers400NamingText(string body)
    {
        await ProblemAssert.NamesFieldAsync(await Dispatcher.PostRawJsonAsync(TriageApi.Classify, body), "text");
    }

    [Fact]
    public async Task Classify_WhenTextLongerThanAClue_Answers400NamingText()
    {
        await ProblemAssert.NamesFieldAsync(await Dispatcher.ClassifyAsync(new string('摊', Clue.MaxTextLength + 1)), "text");
    }

    [Fact]
    public async Task Classify_WhenTextExactlyAsLongAsAClue_Answers200()
    {
        var answer = await Dispatcher.SuggestAsync(string.Concat(Enumerable.Repeat("占道卖菜", Clue.MaxTextLength / 4)));

        Assert.Equal("SR01", answer.Suggestions[0].MatterCode);
    }

    [Fact]
    public async Task Classify_WhenTextIsNotAString_Answers400NamingText()
    {
        await ProblemAssert.NamesFieldAsync(await Dispatcher.PostRawJsonAsync(TriageApi.Classify, """{"text": 12345}"""), "text");
    }

    [Theory]
    [InlineData("grid.hefu", HttpStatusCode.OK)]
    [InlineData(Cast.CityDispatcher, HttpStatusCode.OK)]
    [InlineData("officer.nanxun.nync", HttpStatusCode.Forbidden)]
    [InlineData("analyst.city", HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.Forbidden)]
    public async Task Classify_ByRole_OnlyReportersAndDispatchersMayAsk(string userName, HttpStatusCode expected)
    {
        Assert.Equal(expected, (await app.Cast.As(userName).ClassifyAsync(StreetVending)).StatusCode);
    }

    [Fact]
    public async Task Classify_WhenAnonymous_Answers401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().ClassifyAsync(StreetVending)).StatusCode);
    }
}
