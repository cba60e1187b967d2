using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Zhifa.Core.Incidents;
using Zhifa.Server.Features.ApiKeys;
using Zhifa.Server.Features.Triage;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Triage;

/// <summary>A node whose classifier has no model yet: classification waits, the rest of the platform does not.</summary>
[Collection(ApiCollection.Name)]
public sealed class ClassifierNotReadyTests(ZhifaApp app)
{
    [Fact]
    public async Task Classify_BeforeTheFirstModel_Answers503WithRetryAfterWhileReadinessStays200()
    {
        await using var untrained = new UntrainedServer(app);
        using var client = await HotlineAsync(untrained);

        var response = await client.ClassifyAsync("路口有人占道卖水果");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, TriageEndpoints.NotReadyCode);
        Assert.NotNull(response.Headers.RetryAfter);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Classify_OnceAModelIsInUse_Answers200()
    {
        await using var untrained = new UntrainedServer(app);
        using var client = await HotlineAsync(untrained);
        await TriageApi.ReadyAsync(app);
        // The first server's model, handed over as a retraining would hand over its own.
        untrained.Services.GetRequiredService<ClueClassifier>().Use(app.Services.GetRequiredService<ClueClassifier>().Model!);

        var answer = await client.SuggestAsync("路口有人占道卖水果");

        Assert.Equal("SR01", answer.Suggestions[0].MatterCode);
        Assert.Equal("Healthy", await (await client.GetAsync("/health/ready")).Content.ReadAsStringAsync());
    }

    /// <summary>The hotline's system, calling <paramref name="server"/> with its key.</summary>
    private async Task<HttpClient> HotlineAsync(UntrainedServer server)
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, await app.Cast.KeyAsync(Channels.Hotline12345));
        return client;
    }

    /// <summary>Another node on the first one's database whose start-up training never runs.</summary>
    private sealed class UntrainedServer(ZhifaApp first) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            ZhifaApp.Configure(builder, first.Database, first.Time);
            builder.ConfigureServices(services =>
            {
                var startup = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "ClassifierStartup");
                services.Remove(startup);
            });
        }
    }
}
