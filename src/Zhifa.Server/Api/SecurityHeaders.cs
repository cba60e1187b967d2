namespace Zhifa.Server.Api;

/// <summary>
/// Headers every answer carries. The API's JSON may never be framed, sniffed or leak a referrer;
/// the browser pages (the API reference now, the UI later) set their own content policy.
/// </summary>
internal static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            var api = context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/open311");
            // The pages may ask for the phone's camera and location (a grid worker's report); nothing else may.
            headers["Permissions-Policy"] = api ? "camera=(), microphone=(), geolocation=()" : "camera=(self), microphone=(), geolocation=(self)";
            if (api)
            {
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
                // Answers may hold a one-time key, tokens or unmasked personal data: no cache keeps them,
                // unless the endpoint chose its own policy (a media file, which is revalidated on each use).
                if (!headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.CacheControl))
                    headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        await next(context);
    });
}
