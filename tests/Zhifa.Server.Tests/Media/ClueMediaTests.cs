using System.Net;
using SkiaSharp;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Features.Media;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Media;

/// <summary>A clue carries the files its reporter uploaded; its incident shows them, clue by clue.</summary>
[Collection(ApiCollection.Name)]
public sealed class ClueMediaTests(ZhifaApp app)
{
    private readonly Scenario _scenario = new(app);
    private readonly HttpClient _grid = app.Cast.As("grid.hefu");

    /// <summary>A clue by grid.hefu in their grids, each at its own spot so that none repeats another.</summary>
    private async Task<object> ClueAsync(string text, params Guid[] mediaIds)
    {
        var at = await _scenario.NextGridPointAsync();
        return new { channel = "grid", text, matterCode = "SY01", lat = at.Lat, lon = at.Lon, mediaIds };
    }

    [Fact]
    public async Task Clue_WithUploadedFiles_ShowsThemInItsIncidentInTheOrderSent()
    {
        var photo = await _grid.UploadedAsync(TestImages.Halves(64, 48));
        var clip = await _grid.UploadedAsync(TestVideos.Mp4(), "clip.mp4");
        var png = await _grid.UploadedAsync(TestImages.Halves(48, 64, SKEncodedImageFormat.Png));

        var accepted = await (await _grid.PostJsonAsync("/api/v1/clues", await ClueAsync("河道地笼，附照片和视频", clip.Id, photo.Id, png.Id))).ReadAsync<ClueAccepted>();
        var incident = await _scenario.GetAsync(accepted.IncidentId);

        var media = Assert.Single(incident.Clues).Media;
        Assert.Equal([clip.Id, photo.Id, png.Id], media.Select(m => m.Id));
        Assert.Equal(new MediaLink(clip.Id, "video/mp4", null, $"/api/v1/media/{clip.Id}"), media[0]);
        Assert.Equal(new MediaLink(photo.Id, "image/jpeg", $"/api/v1/media/{photo.Id}/thumbnail", $"/api/v1/media/{photo.Id}"), media[1]);
        Assert.Equal("image/png", media[2].ContentType);
    }

    [Fact]
    public async Task Action_OnAnIncidentWithFiles_AnswersWithTheFilesToo()
    {
        var photo = await _grid.UploadedAsync(TestImages.Halves(66, 48));
        var accepted = await (await _grid.PostJsonAsync("/api/v1/clues", await ClueAsync("河道地笼，待签收", photo.Id))).ReadAsync<ClueAccepted>();

        var afterAccept = await _scenario.DoAsync(accepted.IncidentId, "accept");

        Assert.Equal(photo.Id, Assert.Single(Assert.Single(afterAccept.Clues).Media).Id);
    }

    [Fact]
    public async Task Clue_WithoutFiles_ShowsAnEmptyList()
    {
        var incident = await _scenario.ReportAsync();

        Assert.Empty(Assert.Single(incident.Clues).Media);
    }

    [Fact]
    public async Task Clue_WithAnUnknownMediaId_Answers400NamingMediaIdsAndWritesNothing()
    {
        var photo = await _grid.UploadedAsync(TestImages.Halves(68, 48));
        var marker = $"MEDIA{Guid.NewGuid():N}"[..20];

        using var response = await _grid.PostJsonAsync("/api/v1/clues", await ClueAsync(marker, photo.Id, Guid.CreateVersion7()));

        await ProblemAssert.NamesFieldAsync(response, "mediaIds");
        var list = await (await _scenario.Client.GetAsync($"/api/v1/incidents?q={marker}")).ReadAsync<PagedList<IncidentSummary>>();
        Assert.Equal(0, list.Total);
    }

    [Fact]
    public async Task Clue_WithSomeoneElsesUpload_Answers400NamingMediaIds()
    {
        var theirs = await app.Cast.As(Cast.CityDispatcher).UploadedAsync(TestImages.Halves(70, 48));

        using var response = await _grid.PostJsonAsync("/api/v1/clues", await ClueAsync("别人的照片", theirs.Id));

        await ProblemAssert.NamesFieldAsync(response, "mediaIds");
    }

    [Fact]
    public async Task Clue_WithMoreFilesThanAllowed_Answers400NamingMediaIds()
    {
        var photo = await _grid.UploadedAsync(TestImages.Halves(72, 48));
        var tooMany = Enumerable.Range(0, ClueMediaLinks.MaxPerClue + 1).Select(_ => Guid.CreateVersion7()).Prepend(photo.Id).ToArray();

        using var response = await _grid.PostJsonAsync("/api/v1/clues", await ClueAsync("照片太多", tooMany));

        await ProblemAssert.NamesFieldAsync(response, "mediaIds");
    }

    [Fact]
    public async Task Clue_WithTheSameFileTwice_Answers400NamingMediaIds()
    {
        var photo = await _grid.UploadedAsync(TestImages.Halves(74, 48));

        using var response = await _grid.PostJsonAsync("/api/v1/clues", await ClueAsync("同一张照片两次", photo.Id, photo.Id));

        await ProblemAssert.NamesFieldAsync(response, "mediaIds");
    }

    [Fact]
    public async Task Clue_FromAChannelKey_MayCarryTheFilesThatKeyUploaded()
    {
        var hotline = await app.Cast.ChannelAsync("hotline12345");
        var photo = await hotline.UploadedAsync(TestImages.Halves(76, 48));

        using var response = await hotline.PostJsonAsync("/api/v1/clues", new
        {
            channel = "hotline12345", text = "市民上传照片：河道电鱼", lat = MediaApi.Lat, lon = MediaApi.Lon, mediaIds = new[] { photo.Id },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var incident = await _scenario.GetAsync((await response.ReadAsync<ClueAccepted>()).IncidentId);
        Assert.Equal(photo.Id, Assert.Single(Assert.Single(incident.Clues).Media).Id);
    }
}
