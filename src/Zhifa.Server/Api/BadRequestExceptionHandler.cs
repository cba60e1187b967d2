using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace Zhifa.Server.Api;

/// <summary>
/// Turns what the framework rejects before a handler runs (malformed JSON, wrong types, unbindable
/// query values, missing bodies) into a 400 problem that names the field, and anything unexpected
/// into a 500 problem without internals.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems, ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            logger.LogError(exception, "Unhandled error on {Path}", context.Request.Path);
            return false;
        }
        var status = bad.StatusCode;
        var (field, message) = Describe(bad);
        context.Response.StatusCode = status;
        var details = Problems.Validation(new Dictionary<string, string[]> { [field] = [message] }).ProblemDetails;
        details.Status = status;
        if (status != StatusCodes.Status400BadRequest)
            details.Title = bad.Message;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }

    private static (string Field, string Message) Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var path = json.Path is null or "$" ? "body" : json.Path.TrimStart('$', '.');
            // The serializer's own message names internal types; say what the client can act on.
            return json.Path is null or "$"
                ? ("body", "The body is not valid JSON: " + FirstSentence(json.Message))
                : (path, $"The value of {path} is not valid JSON for this field (wrong type or format).");
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
