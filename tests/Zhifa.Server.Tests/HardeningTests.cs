using Zhifa.Server.Features.ApiKeys;
using System.Net;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests;

/// <summary>Rate limits on sign-in and intake, and the headers every answer carries.</summary>
[Collection(ApiCollection.Name)]
public sealed class HardeningTests(ZhifaApp app)
{
    [Fact]
    public async Task Login_WhenOverTheLimit_Answers429WithRetryAfter()
    {
        await using var limited = new LimitedServer(app);

        var answers = await limited.BurstAsync(c => c.PostJsonAsync("/api/v1/auth/login", new { userName = "nobody.here", password = "Wrong-pass-123" }));

        await ProblemAssert.IsProblemAsync(LimitedServer.FirstRefused(answers, HttpStatusCode.Unauthorized), HttpStatusCode.TooManyRequests, "rate_limited");
    }

    [Fact]
    public async Task Clue_WhenOverTheLimit_Answers429AndCreatesNothing()
    {
        await using var limited = new LimitedServer(app);
        var key = await app.Cast.KeyAsync("grid");
        var marker = $"RATE{Guid.NewGuid():N}"[..16];

        var answers = await limited.BurstAsync(c => c.PostJsonAsync("/api/v1/clues", new { channel = "grid", text = marker, lat = 30.805, lon = 120.4375 }),
            c => c.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, key));

        await ProblemAssert.IsProblemAsync(LimitedServer.FirstRefused(answers, HttpStatusCode.Created), HttpStatusCode.TooManyRequests, "rate_limited");
        var list = await (await app.Cast.As(Cast.CityDispatcher).GetAsync($"/api/v1/incidents?q={marker}"))
            .ReadAsync<Features.Incidents.PagedList<Features.Incidents.IncidentSummary>>();
        Assert.Equal(answers.Count(a => a.StatusCode == HttpStatusCode.Created), list.Total);
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
}
