using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Server.Features.Dashboard;
using Zhifa.Server.Tests.Auth;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Nodes;

/// <summary>
/// Two servers on one database, as behind a round-robin proxy: a sign-in made on one is honoured by
/// the other (the data-protection keys live in the database), and on PostgreSQL a change saved on one
/// reaches the other's live pages through LISTEN/NOTIFY. A SQLite file has one writer and one node.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SharedDatabaseNodesTests(ZhifaApp app)
{
    private readonly Scenario _scenario = new(app);

    [Fact]
    public async Task ATokenAndACookieIssuedByOneNode_AreHonouredByTheOther()
    {
        await using var other = new OtherNode(app);
        using var first = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var token = await first.SignInAsync(Cast.CityDispatcher, AuthApi.DemoPassword);
        var cookie = await first.PostJsonAsync($"{AuthApi.Login}?useCookies=true", new { userName = Cast.CityDispatcher, password = AuthApi.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, cookie.StatusCode);

        using var second = other.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var byToken = new HttpRequestMessage(HttpMethod.Get, "/api/v1/incidents?pageSize=1");
        byToken.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.AccessToken);
        using var byCookie = new HttpRequestMessage(HttpMethod.Get, "/api/v1/incidents?pageSize=1");
        byCookie.Headers.Add("Cookie", string.Join("; ", cookie.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));

        Assert.Equal(HttpStatusCode.OK, (await second.SendAsync(byToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.SendAsync(byCookie)).StatusCode);
    }

    [Fact]
    public async Task AChangeSavedOnOneNode_ReachesTheLivePagesOfEvery()
    {
        await using var other = new OtherNode(app);
        using var _ = other.CreateClient();
        var here = Changed(app.Services);
        var there = Changed(other.Services);
        if (app.Database.IsPostgres)
            await other.Services.GetRequiredService<ChangeRelay>().Listening.WaitAsync(TimeSpan.FromSeconds(30));

        await _scenario.ReportAsync();

        await here.WaitAsync(TimeSpan.FromSeconds(30));
        if (app.Database.IsPostgres)
            await there.WaitAsync(TimeSpan.FromSeconds(30));
        else
            Assert.Null(other.Services.GetService<ChangeRelay>());
    }

    /// <summary>Completes when <see cref="IncidentChanges"/> is next raised on the node of <paramref name="services"/>.</summary>
    private static Task Changed(IServiceProvider services)
    {
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        services.GetRequiredService<IncidentChanges>().Changed += () => changed.TrySetResult();
        return changed.Task;
    }

    /// <summary>Another server on the first one's database, configured as <see cref="ZhifaApp"/> is.</summary>
    private sealed class OtherNode(ZhifaApp first) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => ZhifaApp.Configure(builder, first.Database, first.Time);
    }
}
