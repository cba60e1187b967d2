using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests;

/// <summary>Rate limits on sign-in and intake, and the headers every answer carries.</summary>
[Collection(ApiCollection.Name)]
public sealed class HardeningTests(ZhifaApp app)
{
    private const int Limit = 3;

    [Fact]
    public async Task Login_WhenOverTheLimit_Answers429WithRetryAfter()
    {
        await using var limited = new LimitedServer(app);
        var client = limited.CreateClient();

        for (var i = 0; i < Limit; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostJsonAsync("/api/v1/auth/login", new { userName = "nobody.here", password = "Wrong-pass-123" })).StatusCode);
        var over = await client.PostJsonAsync("/api/v1/auth/login", new { userName = "nobody.here", password = "Wrong-pass-123" });

        await ProblemAssert.IsProblemAsync(over, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(over.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task Clue_WhenOverTheLimit_Answers429AndCreatesNothing()
    {
        await using var limited = new LimitedServer(app);
        var client = limited.CreateClient();
        var marker = $"RATE{Guid.NewGuid():N}"[..16];
        object Clue() => new { channel = "grid", text = marker, lat = 30.805, lon = 120.4375 };

        for (var i = 0; i < Limit; i++)
            Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/v1/clues", Clue())).StatusCode);
        var over = await client.PostJsonAsync("/api/v1/clues", Clue());

        await ProblemAssert.IsProblemAsync(over, HttpStatusCode.TooManyRequests, "rate_limited");
        var list = await (await app.CreateClient().GetAsync($"/api/v1/incidents?q={marker}"))
            .ReadAsync<Features.Incidents.PagedList<Features.Incidents.IncidentSummary>>();
        Assert.Equal(Limit, list.Total);
    }

    [Theory]
    [InlineData("/api/v1/matters")]
    [InlineData("/api/v1/incidents/00000000-0000-0000-0000-000000000000")]
    [InlineData("/health/live")]
    public async Task Answer_WhateverItIs_CarriesTheSecurityHeaders(string path)
    {
        var response = await app.CreateClient().GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task ApiAnswer_WhenJson_ForbidsEveryContentSource()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/matters");

        Assert.Equal("default-src 'none'; frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    /// <summary>A second server on the suite's database with small limits, so they can be reached.</summary>
    private sealed class LimitedServer(ZhifaApp first) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => ZhifaApp.Configure(builder, first.Database, first.Time, Limit);
    }
}
