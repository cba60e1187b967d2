using System.Net;
using System.Net.Http.Headers;
using Zhifa.Server.Features.Media;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Media;

/// <summary>The media endpoints, called the way an app or a channel system calls them.</summary>
internal static class MediaApi
{
    public const string Upload = "/api/v1/media";
    /// <summary>和孚镇 in Huzhou: where the demo photos were taken.</summary>
    public const double Lat = 30.805, Lon = 120.4375;

    /// <summary>A multipart form with the bytes in one part; the name and type are what the client claims.</summary>
    public static MultipartFormDataContent Form(byte[] bytes, string fileName = "evidence.jpg", string contentType = "image/jpeg", string field = "file")
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { part, field, fileName } };
    }

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, byte[] bytes, string fileName = "evidence.jpg", string contentType = "image/jpeg") =>
        client.PostAsync(Upload, Form(bytes, fileName, contentType));

    public static async Task<MediaUploaded> UploadedAsync(this HttpClient client, byte[] bytes, string fileName = "evidence.jpg")
    {
        using var response = await client.UploadAsync(bytes, fileName);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<MediaUploaded>();
    }

    /// <summary>The body of a GET that must answer 200.</summary>
    public static async Task<byte[]> BytesAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>A 400 or 413 that names the file field with a stable code.</summary>
    public static async Task RefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var problem = await ProblemAssert.IsProblemAsync(response, status, code);
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _), $"errors do not name 'file': {problem}");
    }

    /// <summary>How many stored files hold these bytes: the store names each by its hash.</summary>
    public static int CopiesOnDisk(ZhifaApp app, string sha256) =>
        Directory.EnumerateFiles(app.Database.MediaRoot, sha256, SearchOption.AllDirectories).Count();
}
