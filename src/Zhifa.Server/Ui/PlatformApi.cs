using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Zhifa.Server.Ui;

/// <summary>What an API call answered: the value, or the problem that refused it.</summary>
public sealed record ApiResult<T>(T? Value, ProblemDetails? Problem, int Status)
{
    public bool Ok => Problem is null;
    /// <summary>The first message worth showing: a field's error, else the problem's detail or title.</summary>
    public string? Message => Problem is null ? null
        : Problem.Extensions.TryGetValue("errors", out var errors) && errors is JsonElement { ValueKind: JsonValueKind.Object } e
            && e.EnumerateObject().FirstOrDefault() is { Value: { ValueKind: JsonValueKind.Array } first } && first.GetArrayLength() > 0
            ? first[0].GetString() : Problem.Detail ?? Problem.Title;

    /// <summary>Each field the problem names, with its messages: what a form shows beside its inputs.</summary>
    public IReadOnlyDictionary<string, string> FieldErrors => Problem.FieldErrors();

    /// <summary>What the API said about one field of the request, for the form to show beside it; null when nothing.</summary>
    public string? ErrorOf(string field) => Problem.ErrorOf(field);
}

public static class ProblemFields
{
    /// <summary>A validation problem's messages per field, each field's joined; empty when it names none.</summary>
    public static IReadOnlyDictionary<string, string> FieldErrors(this ProblemDetails? problem) =>
        problem is not null && problem.Extensions.TryGetValue("errors", out var errors) && errors is JsonElement { ValueKind: JsonValueKind.Object } e
            ? e.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array)
                .ToDictionary(p => p.Name, p => string.Join(" ", p.Value.EnumerateArray().Select(m => m.GetString())))
            : new Dictionary<string, string>();

    /// <summary>A validation problem's messages for one field, joined; null when it names no such field.</summary>
    public static string? ErrorOf(this ProblemDetails? problem, string field) => problem.FieldErrors().GetValueOrDefault(field);
}

/// <summary>
/// The pages' way to the platform: the same HTTP API that integrators call, on this server's own
/// loopback address, as the signed-in person. Each request carries a short-lived bearer token minted
/// for the circuit's user, so every rule of the API (validation, who may do what, the audit trail)
/// holds for the UI without a second implementation.
/// </summary>
public sealed class PlatformApi(
    IHttpClientFactory clients, AuthenticationStateProvider authentication, IOptionsMonitor<BearerTokenOptions> bearer,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, LoopbackAddress loopback, TimeProvider time)
{
    public const string ClientName = "platform-loopback";
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(5);

    private JsonSerializerOptions Json => json.Value.SerializerOptions;

    public Task<ApiResult<T>> GetAsync<T>(string url, CancellationToken ct = default) => SendAsync<T>(HttpMethod.Get, url, null, ct);

    public Task<ApiResult<T>> PostAsync<T>(string url, object? body, CancellationToken ct = default) => SendAsync<T>(HttpMethod.Post, url, body ?? new { }, ct);

    public async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string url, object? body, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is HttpContent content)
            request.Content = content;
        else if (body is not null)
            request.Content = JsonContent.Create(body, options: Json);
        request.Headers.Authorization = new("Bearer", await TokenAsync());
        var client = clients.CreateClient(ClientName);
        client.BaseAddress ??= loopback.Address;
        using var response = await client.SendAsync(request, ct);
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
            return new(response.Content.Headers.ContentLength == 0 || status == 204 ? default : await response.Content.ReadFromJsonAsync<T>(Json, ct), null, status);
        var problem = response.Content.Headers.ContentType?.MediaType?.Contains("json") == true
            ? await response.Content.ReadFromJsonAsync<ProblemDetails>(Json, ct) : null;
        return new(default, problem ?? new ProblemDetails { Status = status, Title = response.ReasonPhrase }, status);
    }

    private async Task<string> TokenAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        var properties = new AuthenticationProperties { ExpiresUtc = time.GetUtcNow() + TokenLifetime };
        return bearer.Get(IdentityConstants.BearerScheme).BearerTokenProtector.Protect(
            new AuthenticationTicket(user, properties, $"{IdentityConstants.BearerScheme}:AccessToken"));
    }
}

/// <summary>Where this server listens, as a client on the same machine reaches it.</summary>
public sealed class LoopbackAddress(IServer server)
{
    private Uri? _address;

    public Uri Address => _address ??= Resolve();

    private Uri Resolve()
    {
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("http:", StringComparison.Ordinal))
            ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server has no address to call itself on.");
        var uri = new UriBuilder(listening.Replace("://*", "://localhost").Replace("://+", "://localhost"));
        if (uri.Host is "0.0.0.0" or "[::]" or "::" or "localhost")
            uri.Host = "127.0.0.1";
        return uri.Uri;
    }
}
