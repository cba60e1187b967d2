using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Data;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Intake;

/// <summary>
/// 10,000 malformed intake requests, made from a seed so a failure can be replayed: fuzzed and
/// truncated bodies, wrong types, huge strings, bad coordinates, bad ids and bad files. None may
/// answer 5xx, and none may write a clue, an incident or a file.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class IntakeFuzzTests(ZhifaApp app)
{
    private const int Requests = 10_000;
    private const int Seed = 20261128;

    private static readonly string[] Fields = ["channel", "externalId", "text", "matterCode", "lat", "lon", "crs", "address", "reporterName", "reporterPhone", "mediaIds", "occurredAt"];

    [Fact]
    public async Task Intake_WhenFedTenThousandMalformedRequests_NeverAnswers5xxAndWritesNothing()
    {
        var random = new Random(Seed);
        var client = await new Scenario(app).ReporterAsync("hotline12345");
        var before = await CountsAsync();
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();

        for (var n = 0; n < Requests; n++)
        {
            using var request = n % 10 == 9 ? BadUpload(random) : BadClue(random);
            var description = $"#{n} {request.RequestUri} {(request.Content is StringContent s ? Truncate(await s.ReadAsStringAsync()) : request.Content?.GetType().Name)}";
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status is < 400 or >= 500)
                failures.Add($"{description} → {status}: {Truncate(await response.Content.ReadAsStringAsync())}");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} requests were not refused with a 4xx:\n{string.Join("\n", failures.Take(20))}");
        Assert.Equal(before, await CountsAsync());
        // The mix reached past the body parser: field checks, not only malformed JSON, refused them.
        Assert.True(statuses.GetValueOrDefault(400) > Requests / 2, string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")));
    }

    private static HttpRequestMessage BadClue(Random random)
    {
        var body = random.Next(8) switch
        {
            0 => RandomBytes(random),
            1 => Truncated(random, ValidClue(random).ToJsonString()),
            2 => Deep(random),
            _ => Mutated(random).ToJsonString(),
        };
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(random.Next(20) == 0 ? "text/plain" : "application/json");
        return new HttpRequestMessage(HttpMethod.Post, "/api/v1/clues") { Content = content };
    }

    /// <summary>A valid clue with one to three fields broken, or removed, or given the wrong type.</summary>
    private static JsonObject Mutated(Random random)
    {
        var clue = ValidClue(random);
        var breaks = random.Next(1, 4);
        for (var b = 0; b < breaks; b++)
        {
            var field = Fields[random.Next(Fields.Length)];
            clue[field] = random.Next(14) switch
            {
                0 => null,
                1 => JsonValue.Create(random.Next()),
                2 => JsonValue.Create(true),
                3 => new JsonArray(1, "x", null),
                4 => new JsonObject { ["nested"] = "x" },
                5 => JsonValue.Create(new string('长', random.Next(2_001, 60_000))),
                6 => JsonValue.Create("NaN"),
                7 => JsonValue.Create(random.NextDouble() * 400 - 200),
                8 => JsonValue.Create("\u0000\uFFFF\uD800"),
                9 => JsonValue.Create("<script>alert(1)</script>' OR 1=1 --"),
                10 => new JsonArray(Enumerable.Range(0, random.Next(10, 40)).Select(_ => (JsonNode?)JsonValue.Create(Guid.NewGuid())).ToArray()),
                11 => JsonValue.Create("2026-13-45T25:61:00"),
                12 => JsonValue.Create(""),
                _ => JsonValue.Create(new string('x', random.Next(101, 5_000))),
            };
            if (random.Next(6) == 0)
                clue.Remove(field);
        }
        // Every mutated clue must still be invalid: one that came out valid is broken for sure here.
        if (random.Next(2) == 0)
            clue["lat"] = random.Next(3) switch { 0 => 0.0, 1 => 91.5, _ => 31.5 };
        else
            clue["text"] = "";
        return clue;
    }

    private static JsonObject ValidClue(Random random) => new()
    {
        ["channel"] = "hotline12345",
        ["externalId"] = $"fuzz-{random.Next():x}",
        ["text"] = "市民来电反映河道有人电鱼",
        ["matterCode"] = "SY01",
        ["lat"] = 30.76 + random.NextDouble() * 0.02,
        ["lon"] = 120.26 + random.NextDouble() * 0.02,
    };

    private static string RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1, 400)];
        random.NextBytes(bytes);
        return Encoding.Latin1.GetString(bytes);
    }

    private static string Truncated(Random random, string json) => json[..random.Next(1, json.Length - 1)];

    private static string Deep(Random random)
    {
        var depth = random.Next(65, 2_000);
        return new string('[', depth) + new string(']', depth);
    }

    /// <summary>Something that is not a JPEG, PNG, WebP or MP4, or not a form at all.</summary>
    private static HttpRequestMessage BadUpload(Random random)
    {
        byte[] bytes = random.Next(5) switch
        {
            0 => [0xFF, 0xD8, 0xFF, 0xE0, .. RandomPayload(random)],                     // a JPEG header over noise
            1 => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. RandomPayload(random)], // a PNG signature over noise
            2 => [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBP"u8, .. RandomPayload(random)],
            3 => [.. "MZ"u8, .. RandomPayload(random)],                                   // a program, named .jpg below
            _ => [],
        };
        HttpContent content = random.Next(8) == 0
            ? new StringContent("not a form", Encoding.UTF8, "multipart/form-data")
            : new MultipartFormDataContent { { new ByteArrayContent(bytes), random.Next(6) == 0 ? "other" : "file", "photo.jpg" } };
        return new HttpRequestMessage(HttpMethod.Post, "/api/v1/media") { Content = content };
    }

    private static byte[] RandomPayload(Random random)
    {
        var bytes = new byte[random.Next(0, 2_000)];
        random.NextBytes(bytes);
        return bytes;
    }

    private async Task<(int Incidents, int Clues, int Files)> CountsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
        return (await db.Incidents.CountAsync(), await db.Clues.CountAsync(), await db.MediaFiles.CountAsync());
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
