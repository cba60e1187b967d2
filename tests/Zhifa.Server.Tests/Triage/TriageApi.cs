using Microsoft.Extensions.DependencyInjection;
using Zhifa.Server.Features.Triage;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Triage;

/// <summary>The triage endpoints, called as a client does.</summary>
internal static class TriageApi
{
    public const string Classify = "/api/v1/triage/classify";
    public const string Retrain = "/api/v1/triage/retrain";

    /// <summary>Waits, without a clock, until the server's classifier has its first model.</summary>
    public static Task ReadyAsync(ZhifaApp app) => app.Services.GetRequiredService<ClueClassifier>().Ready;

    public static Task<HttpResponseMessage> ClassifyAsync(this HttpClient client, string? text) =>
        client.PostJsonAsync(Classify, new { text });

    public static async Task<ClassifyResponse> SuggestAsync(this HttpClient client, string text) =>
        await (await client.ClassifyAsync(text)).ReadAsync<ClassifyResponse>();

    /// <summary>The suggested matter codes, best first.</summary>
    public static string[] Codes(this ClassifyResponse response) => [.. response.Suggestions.Select(s => s.MatterCode)];
}

internal static class ClassifierServiceProviderExtensions
{
    public static ClassifierOptions GetClassifierOptions(this IServiceProvider services) =>
        services.GetRequiredService<ClueClassifier>().Options;
}
