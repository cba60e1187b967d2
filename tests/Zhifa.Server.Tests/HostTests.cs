using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Reference;
using Zhifa.Server.Tests.Auth;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests;

/// <summary>The host around the API: health, OpenAPI, Scalar, restarts, unknown paths.</summary>
[Collection(ApiCollection.Name)]
public sealed class HostTests(ZhifaApp app)
{
    private readonly Scenario _scenario = new(app);

    private HttpClient Client => _scenario.Client;

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_WhenStarted_Answers200(string path)
    {
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task OpenApi_WhenFetched_IsJsonListingIntakeAndActionPaths()
    {
        var response = await app.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");
        Assert.All(["/api/v1/clues", "/api/v1/incidents", "/api/v1/incidents/{id}", "/api/v1/incidents/{id}/dispatch", "/api/v1/regions"],
            path => Assert.True(paths.TryGetProperty(path, out _), $"'{path}' missing from the OpenAPI paths"));
    }

    [Fact]
    public async Task Scalar_WhenFetched_AnswersHtml()
    {
        // Anonymous: the API's description is public.
        var response = await app.CreateClient().GetAsync("/scalar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/v1/nothing-here")]
    [InlineData("/api/v1/incidents/0198f000-0000-7000-8000-000000000000/explode")]
    [InlineData("/api/v2/incidents")]
    public async Task UnknownPath_WhenRequested_Answers404(string path)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task SecondStart_WhenDatabaseAlreadySeeded_SeedsNothingAndKeepsIncidents()
    {
        var incident = await _scenario.ReportAsync(matterCode: null, text: $"重启前的事件 {Guid.NewGuid():N}");
        var before = await CountReferenceRowsAsync(Client);

        await using var second = new SecondServer(app);
        using var client = second.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var token = await client.SignInAsync(Cast.CityDispatcher, AuthApi.DemoPassword);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.AccessToken);

        Assert.Equal(before, await CountReferenceRowsAsync(client));
        Assert.Equal(before, await CountReferenceRowsAsync(Client));
        Assert.Equal(incident.Number, (await (await client.GetAsync($"/api/v1/incidents/{incident.Id}")).ReadAsync<IncidentDetail>()).Number);
    }

    private static async Task<(int Regions, int Grids, int Departments, int Matters, int Centers)> CountReferenceRowsAsync(HttpClient client) => (
        (await (await client.GetAsync("/api/v1/regions")).ReadAsync<List<RegionView>>()).Count,
        (await (await client.GetAsync("/api/v1/grids?pageSize=1")).ReadAsync<PagedList<GridView>>()).Total,
        (await (await client.GetAsync("/api/v1/departments")).ReadAsync<List<DepartmentView>>()).Count,
        (await (await client.GetAsync("/api/v1/matters")).ReadAsync<List<MatterView>>()).Count,
        (await (await client.GetAsync("/api/v1/command-centers")).ReadAsync<List<CommandCenterView>>()).Count);

    /// <summary>Another server process over the first one's database, configured as <see cref="ZhifaApp"/> is.</summary>
    private sealed class SecondServer(ZhifaApp first) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => ZhifaApp.Configure(builder, first.Database, first.Time);
    }
}
