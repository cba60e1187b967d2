using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Zhifa.Server.Observability;

/// <summary>
/// OpenTelemetry for the web server: metrics always, scraped at <c>/metrics</c> in Prometheus' format;
/// traces, metrics and logs also pushed over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> names a
/// collector. Without a collector no span is recorded, so tracing costs nothing until it is wanted.
/// </summary>
public static class TelemetrySetup
{
    public static IServiceCollection AddZhifaTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<MetricsAccess>();
        services.AddHostedService<QueueDepthSampler>();
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] ?? "zhifa", serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(PlatformMetrics.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation()
                    .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = configuration.GetValue("Observability:ScrapeCacheMilliseconds", 1000));
                if (otlp)
                    metrics.AddOtlpExporter();
            });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing.AddSource(PlatformMetrics.Name)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments(MetricsAccess.Path)
                    && !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation().AddOtlpExporter());
            telemetry.WithLogging(logging => logging.AddOtlpExporter());
        }
        return services;
    }

    public static WebApplication UseZhifaMetrics(this WebApplication app)
    {
        var access = app.Services.GetRequiredService<MetricsAccess>();
        app.Use((http, next) => access.GuardAsync(http, () => next(http)));
        return app;
    }

    public static void MapZhifaMetrics(this WebApplication app) => app.MapPrometheusScrapingEndpoint(MetricsAccess.Path).AllowAnonymous();
}
