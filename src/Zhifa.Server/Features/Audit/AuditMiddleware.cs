using Microsoft.AspNetCore.Routing;

namespace Zhifa.Server.Features.Audit;

/// <summary>
/// Records every write to the API (whatever its outcome: refusals are security events too) and every
/// event a handler flags, such as an unmasked read of personal data. It sits before authentication,
/// so failed sign-ins, 401s, 403s and throttled requests are recorded as well.
/// </summary>
public sealed class AuditMiddleware(RequestDelegate next, AuditTrail trail, ILogger<AuditMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (Exception e)
        {
            // Bad bodies and failures surface as exceptions that the handler further out answers; they are
            // recorded with the status that answer will carry.
            await AppendAsync(http, e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);
            throw;
        }
        await AppendAsync(http, http.Response.StatusCode);
    }

    private async Task AppendAsync(HttpContext http, int status)
    {
        var write = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method));
        var context = http.AuditIfAny();
        // Open311's POSTs are writes from outside like /api's, under the path its spec prescribes.
        var audited = http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/open311");
        if (!(write && audited) && context is not { Events.Count: > 0 })
            return;

        var actor = context?.Actor ?? (http.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : "anonymous");
        var ip = http.Connection.RemoteIpAddress?.ToString();
        var records = new List<AuditRecord>();
        if (write)
        {
            var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value;
            var target = context?.Target ?? (http.GetRouteValue("id") ?? http.GetRouteValue("code"))?.ToString();
            records.Add(new AuditRecord(actor, ip, $"{http.Request.Method} /{route?.TrimStart('/')}", target, status, context?.Summary));
        }
        foreach (var (action, target) in context?.Events ?? [])
            records.Add(new AuditRecord(actor, ip, action, target, status, null));
        try
        {
            // Not the request's token: the answer has gone, and the record must be written anyway.
            await trail.AppendAsync(records, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not append {Count} audit entries for {Method} {Path}", records.Count, http.Request.Method, http.Request.Path);
        }
    }
}
