using System.Net;
using Zhifa.Server.Features.Triage;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Triage;

/// <summary>POST /api/v1/triage/retrain: the dispatchers' decisions teach the classifier.</summary>
[Collection(ApiCollection.Name)]
public sealed class RetrainTests(ZhifaApp app) : IAsyncLifetime
{
    /// <summary>Words no shipped example uses, so only a dispatcher's decision can tie them to a matter.</summary>
    private const string MadeUpPhrase = "貔貅甲乙丙在咕噜咕噜巷敲锣打鼓跳踢踏舞";
    private const string DecidedMatter = "ZJ02";

    private readonly Scenario _scenario = new(app);

    public Task InitializeAsync() => TriageApi.ReadyAsync(app);

    public Task DisposeAsync()
    {
        app.RestoreShippedClassifier();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Retrain_AfterADispatcherSetTheMatterOfAClueWithout_SuggestsThatMatterForItsText()
    {
        var dispatcher = _scenario.Client;
        Assert.NotEqual(DecidedMatter, (await dispatcher.SuggestAsync(MadeUpPhrase)).Suggestions[0].MatterCode);
        var incident = await _scenario.ReportAsync(matterCode: null, text: MadeUpPhrase);
        await _scenario.DoAsync(incident.Id, "dispatch", new { departmentCode = "330503-ZJ", matterCode = DecidedMatter });

        var report = await (await app.Cast.As("admin").PostJsonAsync(TriageApi.Retrain, new { })).ReadAsync<RetrainReport>();

        Assert.True(report.DecidedExamples >= 1, $"{report.DecidedExamples} decided examples");
        Assert.Equal(report.ShippedExamples + report.DecidedExamples, report.Examples);
        Assert.Contains(DecidedMatter, (await dispatcher.SuggestAsync(MadeUpPhrase)).Codes());
    }

    [Fact]
    public async Task Retrain_WhenDone_ReportsHeldOutAccuracyAndKeepsTheModelFile()
    {
        var report = await (await app.Cast.As("admin").PostJsonAsync(TriageApi.Retrain, new { })).ReadAsync<RetrainReport>();

        Assert.Equal(TriageExamples.Split(TriageExamples.LoadShipped()).HeldOut.Count, report.HeldOut.Examples);
        Assert.InRange(report.HeldOut.Top3, ClassifierModelTests.Top3Floor, 1);
        Assert.True(File.Exists(app.Database.ClassifierModelPath), "no model file");
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(app.Database.ClassifierModelPath)!, Path.GetFileName(app.Database.ClassifierModelPath) + ".*.tmp"));
    }

    [Theory]
    [InlineData(Cast.CityDispatcher)]
    [InlineData("commander.city")]
    [InlineData("analyst.city")]
    public async Task Retrain_WhenNotAdmin_Answers403(string userName)
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Cast.As(userName).PostJsonAsync(TriageApi.Retrain, new { })).StatusCode);
    }

    [Fact]
    public async Task Retrain_WithAChannelKey_Answers403()
    {
        var hotline = await app.Cast.ChannelAsync(Zhifa.Core.Incidents.Channels.Hotline12345);

        Assert.Equal(HttpStatusCode.Forbidden, (await hotline.PostJsonAsync(TriageApi.Retrain, new { })).StatusCode);
    }
}
