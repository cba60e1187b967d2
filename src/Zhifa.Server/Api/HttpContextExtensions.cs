namespace Zhifa.Server.Api;

internal static class HttpContextExtensions
{
    /// <summary>Who acts, as the timeline records it.</summary>
    public static string ActorName(this HttpContext context, string anonymous = "anonymous") =>
        context.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : anonymous;

    /// <summary>The If-Match header's entity tag, when the client sent one.</summary>
    public static string? IfMatch(this HttpContext context) =>
        context.Request.Headers.IfMatch.Count == 0 ? null : context.Request.Headers.IfMatch.ToString();
}
