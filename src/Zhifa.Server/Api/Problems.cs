using Microsoft.AspNetCore.Http.HttpResults;

namespace Zhifa.Server.Api;

/// <summary>RFC 9457 problem answers, each with a stable <c>code</c> extension that clients switch on.</summary>
public static class Problems
{
    public const string ValidationCode = "validation";

    public static ValidationProblem Validation(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request is not valid.",
            extensions: new Dictionary<string, object?> { ["code"] = ValidationCode });

    public static ValidationProblem Field(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult NotFound(string code, string detail) =>
        Problem(StatusCodes.Status404NotFound, code, "Not found.", detail);

    public static ProblemHttpResult Conflict(string code, string detail, IDictionary<string, object?>? extra = null) =>
        Problem(StatusCodes.Status409Conflict, code, "The action conflicts with the current state.", detail, extra);

    /// <summary>A 403 for a caller who may take the action in general but not on this resource: it is not theirs.</summary>
    public static ProblemHttpResult Forbidden(string code, string detail, string title = "Not yours to do.") =>
        Problem(StatusCodes.Status403Forbidden, code, title, detail);

    public static ProblemHttpResult PreconditionFailed(string code, string detail) =>
        Problem(StatusCodes.Status412PreconditionFailed, code, "The resource has changed.", detail);

    public static ProblemHttpResult Problem(int status, string code, string title, string detail, IDictionary<string, object?>? extra = null)
    {
        var extensions = new Dictionary<string, object?>(extra ?? new Dictionary<string, object?>()) { ["code"] = code };
        return TypedResults.Problem(detail, statusCode: status, title: title, extensions: extensions);
    }
}
