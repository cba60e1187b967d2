using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Zhifa.Server.Tests.Support;

/// <summary>A second server on the suite's database and clock with small rate limits, so they can be reached.</summary>
public sealed class LimitedServer(ZhifaApp first) : WebApplicationFactory<Program>
{
    public const int Limit = 3;

    // Twice the limit and one more: even if the one-minute window turns over during the burst,
    // at most 2 × Limit requests can pass, so at least one must be refused.
    public const int Burst = 2 * Limit + 1;

    /// <summary>Sends <see cref="Burst"/> requests from one new client, one after another, and answers every answer.</summary>
    public async Task<List<HttpResponseMessage>> BurstAsync(Func<HttpClient, Task<HttpResponseMessage>> send, Action<HttpClient>? setUp = null)
    {
        var client = CreateClient();
        setUp?.Invoke(client);
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < Burst; i++)
            answers.Add(await send(client));
        return answers;
    }

    /// <summary>
    /// The first answer refused for the limit, once the first <see cref="Limit"/> answers have passed
    /// with <paramref name="passed"/>; a refusal says when to try again.
    /// </summary>
    public static HttpResponseMessage FirstRefused(IReadOnlyList<HttpResponseMessage> answers, HttpStatusCode passed)
    {
        Assert.All(answers.Take(Limit), a => Assert.Equal(passed, a.StatusCode));
        var over = answers.First(a => a.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.True(over.Headers.Contains("Retry-After"));
        return over;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) => ZhifaApp.Configure(builder, first.Database, first.Time, Limit);
}
