using System.Net;
using SkiaSharp;
using Zhifa.Server.Features.Media;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Media;

/// <summary>
/// The original stays the evidence it was, location and all; the public copy, the one that leaves the
/// platform, carries no position: images re-encoded upright, videos with their location boxes blanked.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class MediaPrivacyTests(ZhifaApp app)
{
    private readonly HttpClient _grid = app.Cast.As("grid.hefu");
    private readonly HttpClient _anonymous = app.CreateClient();

    /// <summary>200 × 100, red on the left; EXIF says to turn it a quarter clockwise (6) and where it was taken.</summary>
    private static byte[] SidewaysPhotoWithGps() => TestImages.WithExif(TestImages.Halves(200, 100), orientation: 6, MediaApi.Lat, MediaApi.Lon);

    [Fact]
    public async Task Original_WhenThePhotoCarriesGps_KeepsItsExifUnchanged()
    {
        var photo = SidewaysPhotoWithGps();
        var uploaded = await _grid.UploadedAsync(photo);

        var original = await _grid.BytesAsync(uploaded.Url);

        Assert.Equal(photo, original);
        Assert.Contains((byte)0xE1, TestImages.Markers(original));
        Assert.True(TestImages.Contains(original, TestImages.ExifHeader));
    }

    [Fact]
    public async Task PublicCopy_WhenThePhotoCarriesGps_HasNoExifAndIsTurnedUpright()
    {
        var uploaded = await _grid.UploadedAsync(SidewaysPhotoWithGps());

        using var response = await _anonymous.GetAsync(uploaded.PublicUrl);
        var copy = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain((byte)0xE1, TestImages.Markers(copy));
        Assert.False(TestImages.Contains(copy, TestImages.ExifHeader));
        Assert.False(TestImages.Contains(copy, "GPS"));
        using var shown = TestImages.Decode(copy);
        Assert.Equal((100, 200), (shown.Width, shown.Height));
        // A quarter turn clockwise brings the left (red) half to the top.
        Assert.True(IsRed(shown.GetPixel(50, 30)), $"top is {shown.GetPixel(50, 30)}");
        Assert.True(IsBlue(shown.GetPixel(50, 170)), $"bottom is {shown.GetPixel(50, 170)}");
    }

    [Fact]
    public async Task Upload_WhenThePhotoIsStoredSideways_ReportsAndThumbnailsItUpright()
    {
        var uploaded = await _grid.UploadedAsync(SidewaysPhotoWithGps());

        using var thumbnail = TestImages.Decode(await _grid.BytesAsync(uploaded.ThumbnailUrl!));

        Assert.Equal((100, 200), (uploaded.Width!.Value, uploaded.Height!.Value));
        Assert.Equal((100, 200), (thumbnail.Width, thumbnail.Height));
        Assert.True(IsRed(thumbnail.GetPixel(50, 30)));
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png, "image/png")]
    [InlineData(SKEncodedImageFormat.Webp, "image/webp")]
    public async Task PublicCopy_WhenAnImage_IsTheSameKindAndSizeForAnyone(SKEncodedImageFormat format, string contentType)
    {
        var uploaded = await _grid.UploadedAsync(TestImages.Halves(90, 60, format));

        using var response = await _anonymous.GetAsync(uploaded.PublicUrl);
        using var copy = TestImages.Decode(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((90, 60), (copy.Width, copy.Height));
        Assert.Equal((true, TimeSpan.FromDays(1)), (response.Headers.CacheControl?.Public, response.Headers.CacheControl?.MaxAge));
        Assert.NotNull(response.Headers.ETag);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?token=")]
    [InlineData("?token=AAAAAAAAAAAAAAAAAAAAAA")]
    public async Task PublicCopy_WithoutItsToken_Answers404(string query)
    {
        var uploaded = await _grid.UploadedAsync(TestImages.Halves(30, 20));

        using var response = await _anonymous.GetAsync($"/media/public/{uploaded.Id}{query}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "media.not_found");
    }

    [Fact]
    public async Task PublicCopy_WhenTheVideoRecordsWhereItWasFilmed_HasThoseBoxesBlankedAndNothingMoved()
    {
        var video = TestVideos.Mp4(withLocation: true, withAppleLocation: true);
        var uploaded = await _grid.UploadedAsync(video, "clip.mp4");

        var original = await _grid.BytesAsync(uploaded.Url);
        var copy = await _anonymous.GetByteArrayAsync(uploaded.PublicUrl);

        Assert.Equal(("video/mp4", (int?)null, (string?)null), (uploaded.ContentType, uploaded.Width, uploaded.ThumbnailUrl));
        Assert.Equal(video, original);
        Assert.True(TestImages.Contains(original, TestVideos.Position));
        Assert.False(TestImages.Contains(copy, TestVideos.Position));
        Assert.False(TestImages.Contains(copy, "\u00A9xyz"));
        Assert.Equal(video.Length, copy.Length);
        var before = TestVideos.Boxes(video);
        var after = TestVideos.Boxes(copy);
        Assert.Equal(before.Select(b => (b.Offset, b.Size)), after.Select(b => (b.Offset, b.Size)));
        Assert.Equal(before.Select(b => b.Type == "\u00A9xyz" ? "free" : b.Type), after.Select(b => b.Type));
        // The mdat payload, which sample offsets point into, is byte for byte the same.
        Assert.Equal(video[^25..], copy[^25..]);
    }

    [Fact]
    public async Task PublicCopy_WhenTheVideoRecordsNoLocation_IsTheOriginal()
    {
        var uploaded = await _grid.UploadedAsync(TestVideos.Mp4(withLocation: false), "clip.mp4");

        using var response = await _anonymous.GetAsync(uploaded.PublicUrl);

        Assert.Equal(TestVideos.Mp4(withLocation: false), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal($"\"{uploaded.Sha256}\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Upload_WhenTheVideoIsTruncated_Answers400Unreadable()
    {
        var video = TestVideos.Mp4();

        using var response = await _grid.UploadAsync(video[..(video.Length - 10)], "clip.mp4", "video/mp4");

        await MediaApi.RefusedAsync(response, HttpStatusCode.BadRequest, "media.unreadable");
    }

    [Fact]
    public async Task Upload_WhenTheVideoIsQuickTimeNotMp4_Answers400Unsupported()
    {
        using var response = await _grid.UploadAsync(TestVideos.Mp4(brand: "qt  "), "clip.mp4", "video/mp4");

        await MediaApi.RefusedAsync(response, HttpStatusCode.BadRequest, "media.unsupported_type");
    }

    [Fact]
    public async Task Thumbnail_WhenTheFileIsAVideo_Answers404()
    {
        var uploaded = await _grid.UploadedAsync(TestVideos.Mp4(), "clip.mp4");

        using var response = await _grid.GetAsync($"/api/v1/media/{uploaded.Id}/thumbnail");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "media.not_found");
    }

    private static bool IsRed(SKColor c) => c.Red > 180 && c.Blue < 80 && c.Green < 80;

    private static bool IsBlue(SKColor c) => c.Blue > 180 && c.Red < 80 && c.Green < 80;
}
