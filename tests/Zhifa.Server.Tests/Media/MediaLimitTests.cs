using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Zhifa.Server.Tests.Auth;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Media;

/// <summary>
/// Uploads may be as large as Media:MaxBytes; every other request keeps the server's 1 MiB. The
/// in-memory test server has no body limit of its own, so the server's limits are tried on Kestrel.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class MediaLimitTests(ZhifaApp app)
{
    private const int SmallLimit = 4096;

    [Fact]
    public async Task Upload_WhenLargerThanMaxBytes_Answers413NamingFileAndStoresNothing()
    {
        await using var server = new MediaServer(app, SmallLimit);
        var client = await server.DemoClientAsync("grid.hefu");
        var bytes = TestImages.Noise(40, 40);
        Assert.InRange(bytes.Length, SmallLimit + 1, 3 * SmallLimit);

        using var response = await client.UploadAsync(bytes, "big.png", "image/png");

        await MediaApi.RefusedAsync(response, HttpStatusCode.RequestEntityTooLarge, "media.too_large");
        Assert.Equal(0, MediaApi.CopiesOnDisk(app, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))));
    }

    [Fact]
    public async Task Upload_WhenStreamedWithoutALengthPastMaxBytes_Answers413()
    {
        await using var server = new MediaServer(app, SmallLimit);
        var client = await server.DemoClientAsync("grid.hefu");
        var form = MediaApi.Form(TestImages.Noise(40, 40), "big.png", "image/png");
        var chunked = new StreamContent(await form.ReadAsStreamAsync());
        chunked.Headers.ContentType = form.Headers.ContentType;

        using var response = await client.PostAsync(MediaApi.Upload, chunked);

        await MediaApi.RefusedAsync(response, HttpStatusCode.RequestEntityTooLarge, "media.too_large");
    }

    [Fact]
    public async Task Upload_WhenUnderMaxBytes_IsTakenOnAServerWithASmallLimit()
    {
        await using var server = new MediaServer(app, SmallLimit);
        var client = await server.DemoClientAsync("grid.hefu");

        using var response = await client.UploadAsync(TestImages.Halves(16, 16), "small.jpg");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Kestrel_WhenAnUploadIsOver1MiB_TakesItButStillRefusesOtherBodiesOver1MiB()
    {
        await using var server = new MediaServer(app, 3 * 1024 * 1024, kestrel: true);
        var client = await server.DemoClientAsync("grid.hefu");
        var photo = TestImages.Noise(800, 600);
        Assert.True(photo.Length > 1_100_000, $"{photo.Length} bytes");

        using var upload = await client.UploadAsync(photo, "big.png", "image/png");
        using var clue = await client.PostJsonAsync("/api/v1/clues", new
        {
            channel = "grid", text = new string('河', 600_000), lat = MediaApi.Lat, lon = MediaApi.Lon,
        });

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, clue.StatusCode);
    }

    [Fact]
    public async Task Kestrel_WhenAnUploadIsOverMaxBytes_Answers413NamingFile()
    {
        await using var server = new MediaServer(app, 512 * 1024, kestrel: true);
        var client = await server.DemoClientAsync("grid.hefu");

        using var response = await client.UploadAsync(TestImages.Noise(800, 600), "big.png", "image/png");

        await MediaApi.RefusedAsync(response, HttpStatusCode.RequestEntityTooLarge, "media.too_large");
    }

    /// <summary>A second server on the suite's database and media folder, with its own upload limit; on Kestrel when asked.</summary>
    private sealed class MediaServer : WebApplicationFactory<Program>
    {
        private readonly ZhifaApp _first;
        private readonly long _maxBytes;

        public MediaServer(ZhifaApp first, long maxBytes, bool kestrel = false)
        {
            (_first, _maxBytes) = (first, maxBytes);
            if (kestrel)
                UseKestrel(0);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            ZhifaApp.Configure(builder, _first.Database, _first.Time);
            builder.UseSetting("Media:MaxBytes", _maxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
