using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Zhifa.Server.Api;

/// <summary>
/// Turns what the framework rejects before a handler runs (malformed JSON, wrong types, unbindable
/// query values, missing bodies, unreadable charsets) into a 4xx problem that names the field.
/// Anything else is logged and left to the default 500 problem, which shows no internals.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems, ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? details = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } bad => Invalid(Describe(bad)),
            BadHttpRequestException bad => Other(bad.StatusCode, bad.Message),
            // The body's declared charset is one .NET cannot decode.
            InvalidOperationException { InnerException: ArgumentException } when context.Request.HasJsonContentType() =>
                Other(StatusCodes.Status415UnsupportedMediaType, "The body's charset is not supported; send UTF-8."),
            _ => null,
        };
        if (details is null)
        {
            logger.LogError(exception, "Unhandled error on {Path}", context.Request.Path);
            return false;
        }
        context.Response.StatusCode = details.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }

    private static ProblemDetails Invalid((string Field, string Message) error) =>
        Problems.Validation(new Dictionary<string, string[]> { [error.Field] = [error.Message] }).ProblemDetails;

    private static ProblemDetails Other(int status, string detail) => new()
    {
        Status = status,
        Title = status == StatusCodes.Status415UnsupportedMediaType ? "Send the body as application/json." : "The request cannot be served.",
        Detail = detail,
        Extensions = { ["code"] = $"http.{status}" },
    };

    private static (string Field, string Message) Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            // The serializer's own message names internal types; say what the client can act on.
            return json.Path is null or "$"
                ? ("body", "The body is not valid JSON: " + FirstSentence(json.Message))
                : (json.Path.TrimStart('$', '.'), $"The value of {json.Path.TrimStart('$', '.')} is not valid JSON for this field (wrong type or format).");
        }
        var match = ParameterName().Match(bad.Message);
        return (match.Success ? JsonNamingPolicy.CamelCase.ConvertName(match.Groups["name"].Value) : "body", bad.Message);
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    [GeneratedRegex("parameter \"(?:[^\" ]+ )?(?<name>[A-Za-z0-9_]+)\"")]
    private static partial Regex ParameterName();
}
