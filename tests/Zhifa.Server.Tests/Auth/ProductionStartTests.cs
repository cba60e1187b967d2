using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Zhifa.Server.Features.ApiKeys;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Auth;

/// <summary>A database first run in Development must not carry its published demo credentials into Production.</summary>
public sealed class ProductionStartTests
{
    [Fact]
    public async Task ProductionStart_AfterDevelopment_LocksDemoUsersAndRevokesTheDemoKey()
    {
        await using var database = await TestDatabase.CreateAsync();
        string token;
        await using (var development = new Server(database, "Development"))
        {
            var client = development.CreateClient();
            token = (await client.SignInAsync("dispatcher.nanxun", AuthApi.DemoPassword)).AccessToken;
            Assert.Equal(HttpStatusCode.Created, (await WithDemoKey(development.CreateClient()).PostJsonAsync("/api/v1/clues", Clue)).StatusCode);
        }

        await using var production = new Server(database, "Production");
        var fresh = production.CreateClient();

        await ProblemAssert.IsProblemAsync(await fresh.LoginAsync("dispatcher.nanxun", AuthApi.DemoPassword), HttpStatusCode.Unauthorized, "auth.locked_out");
        var me = new HttpRequestMessage(HttpMethod.Get, AuthApi.Me) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await fresh.SendAsync(me)).StatusCode);
        await ProblemAssert.IsProblemAsync(await WithDemoKey(production.CreateClient()).PostJsonAsync("/api/v1/clues", Clue), HttpStatusCode.Unauthorized, "auth.api_key_invalid");
    }

    private static readonly object Clue = new { channel = "hotline12345", text = "市民反映河道有人电鱼", lat = 30.805, lon = 120.4375 };

    private static HttpClient WithDemoKey(HttpClient client)
    {
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, ApiKeyService.DefaultDemoKey);
        return client;
    }

    private sealed class Server(TestDatabase database, string environment) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            ZhifaApp.Configure(builder, database, TimeProvider.System);
            builder.UseEnvironment(environment);
        }
    }
}
