using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using SkiaSharp;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Media;

/// <summary>Uploads judged by their bytes, stored once by hash, and served back with their thumbnails.</summary>
[Collection(ApiCollection.Name)]
public sealed class MediaUploadTests(ZhifaApp app)
{
    private readonly HttpClient _grid = app.Cast.As("grid.hefu");

    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg, "image/jpeg")]
    [InlineData(SKEncodedImageFormat.Png, "image/png")]
    [InlineData(SKEncodedImageFormat.Webp, "image/webp")]
    public async Task Upload_WhenARealImage_AnswersCreatedWithItsTypeSizeAndUrls(SKEncodedImageFormat format, string contentType)
    {
        var bytes = TestImages.Halves(64 + (int)format, 48, format);

        using var response = await _grid.UploadAsync(bytes, "anything.bin", "application/octet-stream");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var uploaded = await response.ReadAsync<Features.Media.MediaUploaded>();
        Assert.Equal($"/api/v1/media/{uploaded.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal((contentType, bytes.LongLength, 64 + (int)format, 48), (uploaded.ContentType, uploaded.Length, uploaded.Width!.Value, uploaded.Height!.Value));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), uploaded.Sha256);
        Assert.Equal($"/api/v1/media/{uploaded.Id}/thumbnail", uploaded.ThumbnailUrl);
        Assert.StartsWith($"/media/public/{uploaded.Id}?token=", uploaded.PublicUrl);
    }

    [Fact]
    public async Task Original_WhenRead_IsTheUploadedBytesWithTheirTypeAndHashAsETag()
    {
        var bytes = TestImages.Halves(40, 30);
        var uploaded = await _grid.UploadedAsync(bytes);

        using var response = await app.Cast.As("officer.nanxun.nync").GetAsync(uploaded.Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"\"{uploaded.Sha256}\"", response.Headers.ETag?.Tag);
        Assert.Equal((true, true), (response.Headers.CacheControl?.Private, response.Headers.CacheControl?.NoCache));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Original_WhenIfNoneMatchCarriesItsETag_Answers304()
    {
        var uploaded = await _grid.UploadedAsync(TestImages.Halves(41, 30));
        var request = new HttpRequestMessage(HttpMethod.Get, uploaded.Url);
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{uploaded.Sha256}\""));

        using var response = await _grid.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task Upload_WhenAPngIsNamedJpg_IsStoredAsThePngItIs()
    {
        var uploaded = await _grid.UploadedAsync(TestImages.Halves(20, 20, SKEncodedImageFormat.Png), "photo.jpg");

        Assert.Equal("image/png", uploaded.ContentType);
    }

    [Theory]
    [InlineData("MZ", "setup.jpg", "image/jpeg")]                                     // a Windows program named as a photo
    [InlineData("<!DOCTYPE html><script>alert(1)</script>", "photo.png", "image/png")] // a page that would run in a browser
    [InlineData("GIF89a", "photo.jpg", "image/jpeg")]                                  // an image, but not a kind the platform keeps
    [InlineData("", "empty.jpg", "image/jpeg")]
    public async Task Upload_WhenTheBytesAreNoKindTheyAreTaken_Answers400NamingFile(string start, string fileName, string claimedType)
    {
        byte[] bytes = start == "MZ" ? [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF] : Encoding.ASCII.GetBytes(start);

        using var response = await _grid.UploadAsync(bytes, fileName, claimedType);

        await MediaApi.RefusedAsync(response, HttpStatusCode.BadRequest, "media.unsupported_type");
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Webp)]
    public async Task Upload_WhenTheImageIsTruncated_Answers400Unreadable(SKEncodedImageFormat format)
    {
        var bytes = TestImages.Halves(300, 200, format);

        using var response = await _grid.UploadAsync(bytes[..(bytes.Length * 2 / 3)]);

        await MediaApi.RefusedAsync(response, HttpStatusCode.BadRequest, "media.unreadable");
    }

    [Fact]
    public async Task Upload_WhenOnlyTheSignatureIsRight_Answers400Unreadable()
    {
        byte[] crafted = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00, .. Enumerable.Repeat((byte)0x41, 500)];

        using var response = await _grid.UploadAsync(crafted);

        await MediaApi.RefusedAsync(response, HttpStatusCode.BadRequest, "media.unreadable");
    }

    [Fact]
    public async Task Upload_WhenTheSameBytesComeTwice_KeepsOneFileAndTwoUploads()
    {
        var bytes = TestImages.Halves(77, 33, SKEncodedImageFormat.Png);

        var first = await _grid.UploadedAsync(bytes);
        var second = await app.Cast.As(Cast.CityDispatcher).UploadedAsync(bytes);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(1, MediaApi.CopiesOnDisk(app, first.Sha256));
        Assert.Equal(bytes, await _grid.BytesAsync(second.Url));
        Assert.Equal(await _grid.BytesAsync(first.ThumbnailUrl!), await _grid.BytesAsync(second.ThumbnailUrl!));
    }

    [Theory]
    [InlineData(1600, 1200, 320, 240)]
    [InlineData(900, 1800, 160, 320)]
    [InlineData(100, 50, 100, 50)]  // a small image is not blown up
    public async Task Thumbnail_WhenRead_IsAJpegAtMost320OnItsLongSide(int width, int height, int thumbWidth, int thumbHeight)
    {
        var uploaded = await _grid.UploadedAsync(TestImages.Halves(width, height, SKEncodedImageFormat.Png));

        using var response = await _grid.GetAsync(uploaded.ThumbnailUrl);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        using var thumbnail = TestImages.Decode(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal((thumbWidth, thumbHeight), (thumbnail.Width, thumbnail.Height));
    }

    [Theory]
    [InlineData("/api/v1/media/{0}")]
    [InlineData("/api/v1/media/{0}/thumbnail")]
    [InlineData("/media/public/{0}?token=AAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Read_WhenTheIdIsUnknown_Answers404(string url)
    {
        using var response = await _grid.GetAsync(string.Format(url, Guid.CreateVersion7()));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "media.not_found");
    }

    [Fact]
    public async Task Upload_WhenThereIsNoFilePart_Answers400NamingFile()
    {
        using var response = await _grid.PostAsync(MediaApi.Upload, MediaApi.Form(TestImages.Halves(10, 10), field: "photo"));

        await MediaApi.RefusedAsync(response, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Upload_WhenTheBodyIsNotAForm_Answers415()
    {
        using var json = await _grid.PostJsonAsync(MediaApi.Upload, new { file = "aGVsbG8=" });
        var noBoundary = new ByteArrayContent(TestImages.Halves(10, 10));
        noBoundary.Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data");
        using var formWithoutBoundary = await _grid.PostAsync(MediaApi.Upload, noBoundary);

        await ProblemAssert.IsProblemAsync(json, HttpStatusCode.UnsupportedMediaType, "http.415");
        await MediaApi.RefusedAsync(formWithoutBoundary, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Upload_WhenTwoFilesCome_Answers400NamingFile()
    {
        var form = MediaApi.Form(TestImages.Halves(10, 10));
        form.Add(new ByteArrayContent(TestImages.Halves(12, 10)), "file", "second.jpg");

        using var response = await _grid.PostAsync(MediaApi.Upload, form);

        await MediaApi.RefusedAsync(response, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Upload_WhenTheImageHasTooManyPixels_Answers400BeforeDecoding()
    {
        // A few hundred bytes that declare 10,000 × 10,000 pixels: 400 MB once decoded.
        using var response = await _grid.UploadAsync(TestImages.PngDeclaring(10_000, 10_000));

        await MediaApi.RefusedAsync(response, HttpStatusCode.BadRequest, "media.too_many_pixels");
    }
}
