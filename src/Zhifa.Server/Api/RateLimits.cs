using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Zhifa.Server.Features.ApiKeys;

namespace Zhifa.Server.Api;

/// <summary>The <c>RateLimits</c> configuration section: requests per minute per client.</summary>
public sealed class RateLimitOptions
{
    public int SignInPerMinute { get; set; } = 30;
    public int IntakePerMinute { get; set; } = 600;
}

/// <summary>
/// Sign-in is limited per client address, against password spraying across accounts (the lockout
/// guards each account). Intake is limited per channel key, user or address, so one runaway
/// system cannot starve the others. Over the limit: 429 with Retry-After.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Intake = "intake";

    public static IServiceCollection AddZhifaRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await Problems.Problem(StatusCodes.Status429TooManyRequests, "rate_limited", "Too many requests.",
                    "This client has sent more requests than its limit allows; wait a minute.").ExecuteAsync(context.HttpContext);
            };
            o.AddPolicy(SignIn, http => PerMinute(Address(http), limits.SignInPerMinute));
            o.AddPolicy(Intake, http => PerMinute(Client(http), limits.IntakePerMinute));
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
