using static Zhifa.Server.Features.Open311.Open311Tree;

namespace Zhifa.Server.Features.Open311;

/// <summary>An answer in the format the client asked for, with the spec's content types.</summary>
internal sealed class Open311Result(int status, Open311Format format, Open311Node root) : IResult
{
    public int Status => status;

    public async Task ExecuteAsync(HttpContext http)
    {
        var body = Open311Writers.Render(root, format);
        http.Response.StatusCode = status;
        http.Response.ContentType = Open311Formats.ContentType(format);
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }
}

/// <summary>
/// Answers and the spec's errors: <c>[{"code":400,"description":"…"}]</c>, or
/// <c>&lt;errors&gt;&lt;error&gt;&lt;code&gt;…</c> in XML. The code is the HTTP status: 404 for what does
/// not exist, 403 for a missing or wrong api_key, 400 for anything else the server cannot do.
/// </summary>
internal static class Open311Results
{
    public static Open311Result Ok(HttpContext http, Open311Node root) => new(StatusCodes.Status200OK, http.RequestedFormat(), root);

    public static Open311Result Error(HttpContext http, int status, params IEnumerable<string> descriptions) =>
        Error(http.RequestedFormat(), status, descriptions);

    public static Open311Result Error(Open311Format format, int status, params IEnumerable<string> descriptions) =>
        new(status, format, List("errors", descriptions.Select(d => Object("error", Value("code", status), Value("description", d)))));

    public static Open311Result BadRequest(HttpContext http, params IEnumerable<string> descriptions) =>
        Error(http, StatusCodes.Status400BadRequest, descriptions);

    public static Open311Result NotFound(HttpContext http, string description) =>
        Error(http, StatusCodes.Status404NotFound, description);
}
