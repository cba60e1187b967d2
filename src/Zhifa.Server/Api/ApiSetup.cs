using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;

namespace Zhifa.Server.Api;

public static class ApiSetup
{
    /// <summary>JSON camelCase with enums as camelCase strings and times in +08:00; every error as problem+json.</summary>
    public static IServiceCollection AddZhifaApi(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            o.SerializerOptions.Converters.Add(new PlatformTimeJsonConverter());
        });
        // Bind failures throw, so the exception handler can name the field instead of answering an empty 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            // Answers the framework writes itself (no route, wrong method) get a stable code too.
            ctx.ProblemDetails.Extensions.TryAdd("code", $"http.{ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode}");
            ctx.ProblemDetails.Extensions.TryAdd("traceId", ctx.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddOpenApi();
        return services;
    }
}
