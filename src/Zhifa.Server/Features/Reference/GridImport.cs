using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Audit;
using Zhifa.Server.Features.Auth;

namespace Zhifa.Server.Features.Reference;

/// <summary>What an import did: grids created and updated, and how many grids the platform holds now.</summary>
public sealed record GridImportResult(int Created, int Updated, int Total);

/// <summary>How many grids a township holds.</summary>
public sealed record TownshipGridCount(string TownshipCode, string CountyCode, int Grids);

/// <summary>
/// The admin replaces demo grids with surveyed ones: a GeoJSON FeatureCollection, as the request body
/// (application/geo+json or application/json) or as the multipart field <c>file</c>. The whole file is
/// checked first and written in one transaction, inserting new codes and updating known ones; then
/// the grid index is rebuilt, so the next report is located in the new grids.
/// </summary>
public static class GridImport
{
    public const string FileField = "file";
    public const long DefaultMaxBytes = 16 * 1024 * 1024;
    /// <summary>A multipart envelope's boundaries and headers, on top of the file itself.</summary>
    private const long EnvelopeBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapGridImport(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/grids/import", ImportAsync).RequireAuthorization(AccessPolicies.Admin)
            .Accepts<JsonElement>("application/geo+json", "application/json", "multipart/form-data")
            .WithTags("Reference data").WithSummary("Create or update grids from a GeoJSON FeatureCollection (properties code, name, townshipCode)");
        // Like the other reference data: anyone signed in, people and channel systems alike.
        app.MapGet("/api/v1/grids/counts", CountsAsync)
            .WithTags("Reference data").WithSummary("How many grids each township holds");
        return app;
    }

    private static async Task<Results<Ok<GridImportResult>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        HttpContext http, ReferenceData reference, ZhifaDbContext db, IConfiguration configuration, CancellationToken ct)
    {
        var maxBytes = configuration.GetValue("GridImport:MaxBytes", DefaultMaxBytes);
        // Every other endpoint keeps the server's small body limit; a city's grids need more.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes + EnvelopeBytes;
        byte[]? bytes;
        try
        {
            bytes = await ReadAsync(http.Request, maxBytes, ct);
        }
        catch (BadHttpRequestException bad) when (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            bytes = null;
        }
        catch (InvalidDataException malformed)
        {
            return Problems.Field(FileField, "The multipart body cannot be read: " + malformed.Message);
        }
        if (bytes is null)
            return Problems.Problem(StatusCodes.Status413PayloadTooLarge, "grids.too_large", "The file is too large.",
                $"One import is at most {maxBytes / (1024 * 1024)} MiB; split the file by county or township.",
                new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [FileField] = [$"at most {maxBytes} bytes"] } });
        if (bytes.Length == 0)
            return Problems.Field(http.Request.HasFormContentType ? FileField : "body", $"No GeoJSON in the request: send a FeatureCollection as the body, or as the multipart field '{FileField}'.");

        var errors = new FieldErrors();
        List<GridFeature> features;
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = false });
            features = GridFeatures.Read(document.RootElement, reference.Regions, errors);
        }
        catch (JsonException json)
        {
            return Problems.Field("body", $"The file is not valid JSON (line {json.LineNumber + 1}).");
        }
        var codes = features.Select(f => f.Grid.Code).ToList();
        var known = await db.Grids.Where(g => codes.Contains(g.Code)).ToDictionaryAsync(g => g.Code, StringComparer.Ordinal, ct);
        foreach (var f in features.Where(f => known.TryGetValue(f.Grid.Code, out var old) && old.TownshipCode != f.Grid.TownshipCode))
            errors.Add($"features[{f.Index}].properties.townshipCode",
                $"Grid '{f.Grid.Code}' belongs to township {known[f.Grid.Code].TownshipCode}; a grid does not move between townships (give it a new code).");
        if (errors.Any)
            return errors.ToProblem();

        foreach (var grid in features.Select(f => f.Grid))
        {
            if (known.TryGetValue(grid.Code, out var old))
                (old.Name, old.BoundaryWkt, old.CenterLat, old.CenterLon) = (grid.Name, grid.BoundaryWkt, grid.CenterLat, grid.CenterLon);
            else
                db.Grids.Add(grid);
        }
        try
        {
            // One SaveChanges is one transaction: all of the file or none of it.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("grids.import_conflict", "Another import wrote some of these grids at the same time; send the file again.");
        }
        // Not the request's token: once the grids are saved, the index must follow whether or not the client waits.
        await reference.LoadAsync(db, CancellationToken.None);

        var result = new GridImportResult(features.Count - known.Count, known.Count, await db.Grids.CountAsync(CancellationToken.None));
        http.Audit().Target = codes.Count == 1 ? codes[0] : $"{codes.Min(StringComparer.Ordinal)}..{codes.Max(StringComparer.Ordinal)}";
        http.Audit().Summary = $"created {result.Created}, updated {result.Updated}";
        return TypedResults.Ok(result);
    }

    private static async Task<Ok<List<TownshipGridCount>>> CountsAsync(ZhifaDbContext db, CancellationToken ct)
    {
        var counts = await db.Grids.AsNoTracking().GroupBy(g => new { g.TownshipCode, g.CountyCode })
            .Select(g => new { g.Key.TownshipCode, g.Key.CountyCode, Grids = g.Count() }).ToListAsync(ct);
        return TypedResults.Ok(counts.OrderBy(c => c.TownshipCode, StringComparer.Ordinal)
            .Select(c => new TownshipGridCount(c.TownshipCode, c.CountyCode, c.Grids)).ToList());
    }

    /// <summary>The file's bytes, or null when there are more than <paramref name="maxBytes"/>.</summary>
    private static async Task<byte[]?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes + EnvelopeBytes)
            return null;
        Stream source;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile(FileField);
            if (file is null)
                return [];
            if (file.Length > maxBytes)
                return null;
            source = file.OpenReadStream();
        }
        else
            // Other content types are refused with 415 before the handler runs, by the endpoint's Accepts.
            source = request.Body;

        // The request's own body stays the server's to close; a form file's stream is ours.
        await using var owned = source == request.Body ? null : source;
        // Counted as read: a chunked body has no Content-Length to check first.
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            if (copy.Length + read > maxBytes)
                return null;
            copy.Write(buffer, 0, read);
        }
        return copy.ToArray();
    }
}
