using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Zhifa.Server.Features.ApiKeys;
using Zhifa.Server.Features.Open311;

namespace Zhifa.Server.Api;

/// <summary>The <c>RateLimits</c> configuration section: requests per minute per client.</summary>
public sealed class RateLimitOptions
{
    public int SignInPerMinute { get; set; } = 30;
    public int IntakePerMinute { get; set; } = 600;
    public int Open311ReadPerMinute { get; set; } = 300;
}

/// <summary>
/// Sign-in is limited per client address, against password spraying across accounts (the lockout
/// guards each account). Intake is limited per channel key, user or address, so one runaway
/// system cannot starve the others. Open311's public reads are limited per address; its POSTs carry
/// their key in the body, so they share intake's limit per address. Over the limit: 429 with
/// Retry-After, as problem+json or, under /open311, as the GeoReport spec's error.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Intake = "intake";
    public const string Open311Read = "open311.read";
    public const string Open311Write = "open311.write";

    public static IServiceCollection AddZhifaRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                var path = context.HttpContext.Request.Path;
                if (path.StartsWithSegments("/open311"))
                {
                    await Open311Results.Error(Open311Formats.OfPath(path), StatusCodes.Status429TooManyRequests,
                        "Too many requests from this client; wait a minute.").ExecuteAsync(context.HttpContext);
                    return;
                }
                await Problems.Problem(StatusCodes.Status429TooManyRequests, "rate_limited", "Too many requests.",
                    "This client has sent more requests than its limit allows; wait a minute.").ExecuteAsync(context.HttpContext);
            };
            o.AddPolicy(SignIn, http => PerMinute(Address(http), limits.SignInPerMinute));
            o.AddPolicy(Intake, http => PerMinute(Client(http), limits.IntakePerMinute));
            o.AddPolicy(Open311Read, http => PerMinute("open311:" + Address(http), limits.Open311ReadPerMinute));
            o.AddPolicy(Open311Write, http => PerMinute("open311-post:" + Address(http), limits.IntakePerMinute));
        });
        return services;
    }

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string Client(HttpContext http) =>
        http.Request.Headers.TryGetValue(ApiKeyAuthenticationHandler.Header, out var key) ? "key:" + ApiKeySecrets.Hash(key.ToString())
        : http.User.Identity?.Name is { } user ? "user:" + user
        : "ip:" + Address(http);
}
