using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Zhifa.Core.Organization;
using Zhifa.Data;
using Zhifa.Server.Features.Feedback;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Tests.Auth;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Feedback;

/// <summary>Feedback to the source channel: signed webhook calls through an outbox, retried with backoff, each visible.</summary>
[Collection(ApiCollection.Name)]
public sealed class FeedbackTests(ZhifaApp app) : IAsyncLifetime
{
    /// <summary>The channel these tests give a webhook: few other tests report through it.</summary>
    private const string Channel = "spoil";

    private readonly Scenario _scenario = new(app);
    private WebhookReceiver _receiver = null!;
    private HttpClient _admin = null!;
    private string _secret = "";

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _admin = app.Cast.As(await app.Cast.MakeAsync(Role.Admin, "330500-ZHZX", totpKey: AuthApi.DemoTotpKey), AuthApi.TestPassword, AuthApi.DemoTotpKey);
        var set = await (await _admin.SendAsync(Put($"/api/v1/channels/{Channel}/webhook", new { url = _receiver.Url }))).ReadAsync<WebhookView>();
        _secret = set.Secret!;
        // What earlier tests left owing to this channel is not these tests' business.
        await using var scope = app.Services.CreateAsyncScope();
        await Db(scope).FeedbackDeliveries.Where(d => d.Channel == Channel).ExecuteDeleteAsync();
    }

    public async Task DisposeAsync()
    {
        await _admin.DeleteAsync($"/api/v1/channels/{Channel}/webhook");
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task Close_WhenTheIncidentCameFromAChannelWithAWebhook_CallsItSignedWithTheResult()
    {
        var incident = await _scenario.ReportAsync("SR01", channel: Channel, text: "渣土车经过后路面有泥块");
        foreach (var (action, body) in new (string, object)[] { ("accept", new { }), ("resolve", new { result = "已清扫路面" }), ("verify", new { passed = true }) })
            await _scenario.DoAsync(incident.Id, action, body);

        Assert.Equal(1, await DeliverAsync());

        var call = Assert.Single(_receiver.Calls);
        Assert.True(WebhookSignature.Verify(_secret, call.Signature!, call.Body), call.Signature);
        Assert.False(WebhookSignature.Verify("whsec_wrong", call.Signature!, call.Body));
        var payload = JsonDocument.Parse(call.Body).RootElement;
        Assert.Equal(("closed", "closed", "已清扫路面"), (call.Event, payload.GetProperty("status").GetString(), payload.GetProperty("result").GetString()));
        Assert.Equal((incident.Number, incident.Clues[0].Id), (payload.GetProperty("incidentNumber").GetString(), payload.GetProperty("clueId").GetGuid()));
        var delivery = Assert.Single(await DeliveriesAsync(_admin));
        Assert.Equal((call.Delivery, DeliveryStatus.Delivered, 1, 200), (delivery.Id.ToString(), delivery.Status, delivery.Attempts, delivery.LastStatusCode));
    }

    [Fact]
    public async Task Reject_WhenFromTheChannel_CallsItWithTheReason()
    {
        var incident = await _scenario.ReportAsync(matterCode: null, channel: Channel);

        await _scenario.DoAsync(incident.Id, "reject", new { reason = "非执法事项，已转相关单位" });
        await DeliverAsync();

        var payload = JsonDocument.Parse(Assert.Single(_receiver.Calls).Body).RootElement;
        Assert.Equal(("rejected", "非执法事项，已转相关单位"), (payload.GetProperty("event").GetString(), payload.GetProperty("result").GetString()));
    }

    [Fact]
    public async Task Join_WhenTheChannelsReportRepeatsAnOpenIncident_TellsItWhereItWent()
    {
        var at = await _scenario.NextPointAsync(Scenario.Hefu);
        var first = await _scenario.ReportAsync("SR01", text: "“阿强水果店”门口占道摆摊", at: at);
        var joined = await (await _scenario.PostClueAsync(new { channel = Channel, externalId = $"sp-{Guid.NewGuid():N}", text = "阿强水果店门口又摆摊了", matterCode = "SR01", lat = at.Lat, lon = at.Lon }))
            .ReadAsync<ClueAccepted>();

        await DeliverAsync();

        var payload = JsonDocument.Parse(Assert.Single(_receiver.Calls).Body).RootElement;
        Assert.Equal(("merged", first.Id, first.Number), (payload.GetProperty("event").GetString(), payload.GetProperty("mergedIntoId").GetGuid(), payload.GetProperty("mergedIntoNumber").GetString()));
        Assert.Equal(joined.ClueId, payload.GetProperty("clueId").GetGuid());
    }

    [Fact]
    public async Task Deliver_WhenTheReceiverFails_RetriesAfterTheBackoffOnly()
    {
        var incident = await _scenario.ReportAsync(matterCode: null, channel: Channel);
        await _scenario.DoAsync(incident.Id, "reject", new { reason = "重复" });
        _receiver.Status = 503;

        await DeliverAsync();
        var failed = Assert.Single(await DeliveriesAsync(_admin));
        Assert.Equal((DeliveryStatus.Pending, 1, 503, app.Time.GetUtcNow().AddSeconds(30)), (failed.Status, failed.Attempts, failed.LastStatusCode, failed.NextAttemptAt));
        Assert.Equal(0, await DeliverAsync());

        _receiver.Status = 200;
        app.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await DeliverAsync());

        Assert.Equal(2, _receiver.Calls.Count);
        Assert.Single(_receiver.Calls.Select(c => c.Delivery).Distinct());
        Assert.Equal((DeliveryStatus.Delivered, 2), (Assert.Single(await DeliveriesAsync(_admin)).Status, Assert.Single(await DeliveriesAsync(_admin)).Attempts));
    }

    [Fact]
    public async Task Deliver_WhenTheReceiverNeverAnswers2xx_FailsAfterTheLastAttempt()
    {
        var incident = await _scenario.ReportAsync(matterCode: null, channel: Channel);
        await _scenario.DoAsync(incident.Id, "reject", new { reason = "重复" });
        _receiver.Status = 500;

        for (var attempt = 0; attempt < 12; attempt++)
        {
            await DeliverAsync();
            app.Time.Advance(TimeSpan.FromHours(1));
        }

        var delivery = Assert.Single(await DeliveriesAsync(_admin));
        Assert.Equal((DeliveryStatus.Failed, new FeedbackOptions().MaxAttempts), (delivery.Status, delivery.Attempts));
        Assert.Equal(new FeedbackOptions().MaxAttempts, _receiver.Calls.Count);
    }

    [Fact]
    public async Task Deliver_WhenTwoWorkersRunAtOnce_SendsEachDeliveryOnce()
    {
        for (var n = 0; n < 6; n++)
            await _scenario.DoAsync((await _scenario.ReportAsync(matterCode: null, channel: Channel)).Id, "reject", new { reason = $"重复{n}" });

        var claimed = await Task.WhenAll(DeliverAsync(), DeliverAsync(), DeliverAsync());

        Assert.Equal(6, claimed.Sum());
        Assert.Equal(6, _receiver.Calls.Select(c => c.Delivery).Distinct().Count());
        Assert.Equal(6, _receiver.Calls.Count);
    }

    [Fact]
    public async Task Deliveries_WhenAskedByAChannelKey_ShowOnlyItsOwnChannel()
    {
        var incident = await _scenario.ReportAsync(matterCode: null, channel: Channel);
        await _scenario.DoAsync(incident.Id, "reject", new { reason = "重复" });

        var own = await DeliveriesAsync(await app.Cast.ChannelAsync(Channel), "?channel=hotline12345");
        var other = await DeliveriesAsync(await app.Cast.ChannelAsync("citymgmt"));

        Assert.Equal(incident.Id, Assert.Single(own).IncidentId);
        Assert.DoesNotContain(other, d => d.Channel == Channel);
    }

    [Theory]
    [InlineData("spoil", """{"url":"ftp://example.org/hook"}""", "url")]
    [InlineData("spoil", """{"url":"/relative"}""", "url")]
    [InlineData("spoil", """{}""", "url")]
    [InlineData("fax", """{"url":"https://example.org/hook"}""", "channel")]
    [InlineData("manual", """{"url":"https://example.org/hook"}""", "channel")]
    public async Task SetWebhook_WhenInvalid_Answers400NamingTheFieldAndKeepsTheOldOne(string channel, string body, string field)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/channels/{channel}/webhook") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };

        await ProblemAssert.NamesFieldAsync(await _admin.SendAsync(request), field);
        Assert.Equal(_receiver.Url, (await (await _admin.GetAsync($"/api/v1/channels/{Channel}/webhook")).ReadAsync<WebhookView>()).Url);
    }

    [Fact]
    public async Task Worker_WhenEnabled_DeliversWhatIsOwedAsItStartsThenOnEveryTick()
    {
        var incident = await _scenario.ReportAsync(matterCode: null, channel: Channel);
        await _scenario.DoAsync(incident.Id, "reject", new { reason = "非执法事项" });
        var clock = new FakeTimeProvider(app.Time.GetUtcNow());
        await using var node = new WorkerNode(app, clock);

        using var _ = node.CreateClient();
        await _receiver.WaitForCallAsync();
        Assert.Equal("rejected", Assert.Single(_receiver.Calls).Event);

        // Then on every tick of its clock.
        await _scenario.DoAsync((await _scenario.ReportAsync(matterCode: null, channel: Channel)).Id, "reject", new { reason = "重复上报" });
        clock.Advance(TimeSpan.FromSeconds(new FeedbackOptions().PollSeconds));
        await _receiver.WaitForCallAsync();

        Assert.Equal(2, _receiver.Calls.Count);
    }

    /// <summary>Another node over the same database whose feedback worker runs, on a clock of its own.</summary>
    private sealed class WorkerNode(ZhifaApp first, TimeProvider clock) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            ZhifaApp.Configure(builder, first.Database, clock);
            builder.UseSetting("Feedback:WorkerEnabled", "true");
        }
    }

    private async Task<int> DeliverAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FeedbackSender>().DeliverDueAsync(CancellationToken.None);
    }

    private static async Task<List<DeliveryView>> DeliveriesAsync(HttpClient client, string query = "") =>
        [.. (await (await client.GetAsync($"/api/v1/feedback/deliveries{query}")).ReadAsync<PagedList<DeliveryView>>()).Items.Where(d => d.Channel == Channel)];

    private static HttpRequestMessage Put(string url, object body) =>
        new(HttpMethod.Put, url) { Content = System.Net.Http.Json.JsonContent.Create(body, options: Json.Options) };

    private static ZhifaDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
}
