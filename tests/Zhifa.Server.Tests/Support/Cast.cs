using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Organization;
using Zhifa.Data;
using Zhifa.Server.Features.ApiKeys;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Tests.Auth;

namespace Zhifa.Server.Tests.Support;

/// <summary>
/// The people and channel systems the tests act as: the demo cast, officers made on demand for any
/// department, and one key per channel. Each is a client that signs in on its first request and
/// again when its token has expired (the tests' clock moves).
/// </summary>
public sealed class Cast(ZhifaApp app)
{
    public const string CityDispatcher = "dispatcher.city";
    public const string CityCommander = "commander.city";

    private readonly ConcurrentDictionary<string, HttpClient> _clients = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _keys = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _officers = new();

    /// <summary>A demo user (password and TOTP as Development seeds them) or a user a test made with <see cref="AuthApi.TestPassword"/>.</summary>
    public HttpClient As(string userName, string password = AuthApi.DemoPassword, string? totpKey = null) =>
        _clients.GetOrAdd(userName, _ => app.CreateDefaultClient(new SignedIn(userName, password,
            totpKey ?? (IsDemoCommanderOrAdmin(userName) ? AuthApi.DemoTotpKey : null))));

    /// <summary>A client that reports through <paramref name="channel"/> with that channel's key.</summary>
    public async Task<HttpClient> ChannelAsync(string channel)
    {
        var key = await KeyAsync(channel);
        return _clients.GetOrAdd("key:" + channel, _ =>
        {
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, key);
            return client;
        });
    }

    /// <summary>The tests' key for <paramref name="channel"/>, issued on first use.</summary>
    public Task<string> KeyAsync(string channel) => _keys.GetOrAdd(channel, c => new Lazy<Task<string>>(() => IssueKeyAsync(c))).Value;

    /// <summary>An officer of <paramref name="departmentCode"/>: the demo one where there is one, else one made now.</summary>
    public async Task<HttpClient> OfficerOfAsync(string departmentCode)
    {
        var demo = DemoUsers.All.FirstOrDefault(u => u.DepartmentCode == departmentCode && u.Role == Role.DepartmentOfficer);
        if (demo is not null)
            return As(demo.UserName);
        var userName = await _officers.GetOrAdd(departmentCode, d => new Lazy<Task<string>>(() => MakeAsync(Role.DepartmentOfficer, departmentCode: d))).Value;
        return As(userName, AuthApi.TestPassword);
    }

    /// <summary>A new user with one role and home, for tests that need a home no demo user has.</summary>
    public async Task<string> MakeAsync(Role role, string? centerCode = null, string? departmentCode = null, string[]? gridCodes = null, string? totpKey = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<IdentitySeeder>();
        var userName = $"test.{role.ToString().ToLowerInvariant()}.{centerCode ?? departmentCode}.{Guid.NewGuid().ToString("N")[..8]}";
        await seeder.CreateUserAsync(userName, $"测试{role}", role, AuthApi.TestPassword, totpKey, centerCode, departmentCode, gridCodes);
        return userName;
    }

    private static bool IsDemoCommanderOrAdmin(string userName) =>
        DemoUsers.All.FirstOrDefault(u => u.UserName == userName) is { } demo && PlatformRoles.RequireTwoFactor.Contains(demo.Role.ToString());

    private async Task<string> IssueKeyAsync(string channel)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ApiKeyService>().IssueAsync(channel, $"test {channel}", CancellationToken.None)).Key;
    }

    /// <summary>Carries a bearer token; signs in for the first request and again after a 401.</summary>
    private sealed class SignedIn(string userName, string password, string? totpKey) : DelegatingHandler
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private string? _token;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(ct);
            var token = _token ?? await SignInAsync(request.RequestUri!, null, ct);
            var response = await base.SendAsync(WithToken(request, body, token), ct);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
                return response;
            response.Dispose();
            return await base.SendAsync(WithToken(request, body, await SignInAsync(request.RequestUri!, token, ct)), ct);
        }

        private static HttpRequestMessage WithToken(HttpRequestMessage original, byte[]? body, string token)
        {
            var copy = new HttpRequestMessage(original.Method, original.RequestUri);
            foreach (var header in original.Headers)
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            if (body is not null)
            {
                copy.Content = new ByteArrayContent(body);
                foreach (var header in original.Content!.Headers)
                    copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            copy.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return copy;
        }

        private async Task<string> SignInAsync(Uri server, string? stale, CancellationToken ct)
        {
            await _gate.WaitAsync(ct);
            try
            {
                if (_token is not null && _token != stale)
                    return _token;
                var login = new HttpRequestMessage(HttpMethod.Post, new Uri(server, AuthApi.Login))
                {
                    Content = System.Net.Http.Json.JsonContent.Create(new
                    {
                        userName,
                        password,
                        twoFactorCode = totpKey is null ? null : TotpCode.Now(totpKey),
                    }),
                };
                using var response = await base.SendAsync(login, ct);
                return _token = (await response.ReadAsync<TokenPair>()).AccessToken;
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
