using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Zhifa.Data;
using Zhifa.Server.Data;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Features.Media;
using Zhifa.Server.Operations;
using Zhifa.Server.Tests.Media;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Operations;

/// <summary>
/// Backup of the suite's live database and media folder, restored into a fresh database and folder of
/// the same provider (SQLite, or PostgreSQL under ZHIFA_TEST_POSTGRES); the suite's own data is only read.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class BackupRestoreTests(ZhifaApp app) : IAsyncLifetime
{
    private readonly Scenario _scenario = new(app);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "zhifa-tests", $"backup-{Guid.NewGuid():N}");
    private readonly List<TestDatabase> _targets = [];

    private string Archive => Path.Combine(_folder, "zhifa.tar.gz");

    private PlatformStorage Source => StorageOf(app.Database);

    private static PlatformStorage StorageOf(TestDatabase database) =>
        new(Enum.Parse<DatabaseProvider>(database.Provider), database.ConnectionString, database.MediaRoot);

    [Fact]
    public async Task Backup_RestoredIntoAFreshDatabaseAndFolder_BringsBackTheIncidentAndItsFile()
    {
        var reported = await ReportWithPhotoAsync("备份前的河道地笼");

        var manifest = await new PlatformBackup(Source, app.Time).CreateAsync(Archive, CancellationToken.None);
        var target = await FreshTargetAsync();
        await new PlatformRestore(StorageOf(target)).RestoreAsync(Archive, force: false, CancellationToken.None);

        Assert.Equal(app.Database.Provider, manifest.Provider);
        Assert.Equal(app.Time.GetUtcNow(), manifest.CreatedAt);
        Assert.Equal(await LastMigrationAsync(app.Services), manifest.MigrationId);
        Assert.Contains(manifest.Files, f => f.Path.EndsWith("/" + reported.Sha256, StringComparison.Ordinal) && f.Size == reported.Bytes.Length);
        await using var restored = new RestoredServer(target, app.Time);
        await AssertRestoredAsync(restored, reported, "备份前的河道地笼");
    }

    [Fact]
    public async Task Restore_OverAChangedDatabase_IsRefusedWithoutForceAndWithItPutsTheBackupBack()
    {
        var reported = await ReportWithPhotoAsync("备份后被改的线索");
        await new PlatformBackup(Source, app.Time).CreateAsync(Archive, CancellationToken.None);
        var target = await FreshTargetAsync();
        var restore = new PlatformRestore(StorageOf(target));
        await restore.RestoreAsync(Archive, force: false, CancellationToken.None);
        await using (var changed = new RestoredServer(target, app.Time))
        {
            await using var scope = changed.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
            await db.Incidents.Where(i => i.Id == reported.IncidentId).ExecuteUpdateAsync(s => s.SetProperty(i => i.Summary, "改过"));
            File.Delete(changed.Services.GetRequiredService<MediaStore>().PathOf(reported.Sha256));
        }

        var refused = await Assert.ThrowsAsync<BackupException>(() => restore.RestoreAsync(Archive, force: false, CancellationToken.None));
        Assert.Contains("--force", refused.Message);
        Assert.Equal("改过", await SummaryAsync(target, reported.IncidentId));

        await restore.RestoreAsync(Archive, force: true, CancellationToken.None);
        Assert.NotEqual("改过", await SummaryAsync(target, reported.IncidentId));
        await using var restored = new RestoredServer(target, app.Time);
        await AssertRestoredAsync(restored, reported, "备份后被改的线索");
    }

    [Fact]
    public async Task Restore_OfADamagedArchive_IsRefusedAndChangesNothing()
    {
        await ReportWithPhotoAsync("损坏的备份");
        await new PlatformBackup(Source, app.Time).CreateAsync(Archive, CancellationToken.None);
        var bytes = await File.ReadAllBytesAsync(Archive);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(Archive, bytes);
        var target = StorageOf(await FreshTargetAsync());

        await Assert.ThrowsAsync<BackupException>(() => new PlatformRestore(target).RestoreAsync(Archive, force: true, CancellationToken.None));

        Assert.False(await target.Database.HasDataAsync(CancellationToken.None));
        Assert.False(Directory.Exists(target.MediaRoot));
    }

    [Fact]
    public async Task Restore_OfAnArchiveWhoseFileWasSwapped_IsRefusedNamingTheFile()
    {
        var reported = await ReportWithPhotoAsync("换过文件的备份");
        var manifest = await new PlatformBackup(Source, app.Time).CreateAsync(Archive, CancellationToken.None);
        // The same manifest over other bytes: a well-formed archive whose checksum alone gives it away.
        var swapped = manifest.Files.First(f => f.Path.EndsWith(reported.Sha256, StringComparison.Ordinal)).Path;
        await RewriteAsync(manifest, files => File.WriteAllBytes(files[swapped], [.. reported.Bytes.Reverse()]));
        var target = StorageOf(await FreshTargetAsync());

        var refused = await Assert.ThrowsAsync<BackupException>(() => new PlatformRestore(target).RestoreAsync(Archive, force: false, CancellationToken.None));

        Assert.Contains(swapped, refused.Message);
        Assert.False(await target.Database.HasDataAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Restore_OfAnArchiveFromANewerVersion_IsRefusedSayingSo()
    {
        var manifest = await new PlatformBackup(Source, app.Time).CreateAsync(Archive, CancellationToken.None);
        await RewriteAsync(manifest with { MigrationId = "29991231000000_FromANewerVersion" }, _ => { });
        var target = StorageOf(await FreshTargetAsync());

        var refused = await Assert.ThrowsAsync<BackupException>(() => new PlatformRestore(target).RestoreAsync(Archive, force: false, CancellationToken.None));

        Assert.Contains("newer version", refused.Message);
        Assert.False(await target.Database.HasDataAsync(CancellationToken.None));
    }

    /// <summary>The archive written again with <paramref name="manifest"/>, after <paramref name="change"/> has edited its extracted files.</summary>
    private async Task RewriteAsync(BackupManifest manifest, Action<Dictionary<string, string>> change)
    {
        var files = new Dictionary<string, string>();
        await BackupArchive.ExtractAsync(Archive, name => files[name] = Path.Combine(_folder, "x", name), CancellationToken.None);
        change(files);
        await BackupArchive.WriteAsync(Archive, manifest, files, CancellationToken.None);
    }

    [Fact]
    public async Task Restore_OfAnArchiveFromTheOtherProvider_IsRefusedSayingSo()
    {
        await new PlatformBackup(Source, app.Time).CreateAsync(Archive, CancellationToken.None);
        var sqliteFile = Path.Combine(_folder, "other.db");
        var other = app.Database.IsPostgres
            ? new PlatformStorage(DatabaseProvider.Sqlite, $"Data Source={sqliteFile}", Path.Combine(_folder, "media"))
            : new PlatformStorage(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=zhifa_nowhere", Path.Combine(_folder, "media"));

        var refused = await Assert.ThrowsAsync<BackupException>(() => new PlatformRestore(other).RestoreAsync(Archive, force: true, CancellationToken.None));

        Assert.Contains($"holds a {app.Database.Provider} database", refused.Message);
        Assert.False(File.Exists(sqliteFile));
    }

    [Fact]
    public async Task Commands_AnswerZeroOnSuccessAndOneErrorLineOtherwise()
    {
        var target = await FreshTargetAsync();
        var (errors, output) = (new StringWriter(), new StringWriter());

        Assert.Equal(0, await BackupCommand.RunAsync(Configuration(app.Database), Environment(), app.Time, [Archive], output, errors));
        Assert.Equal(0, await RestoreCommand.RunAsync(Configuration(target), Environment(), [Archive], output, errors));
        Assert.Equal("", errors.ToString());
        Assert.Equal(1, await RestoreCommand.RunAsync(Configuration(target), Environment(), [Archive], output, errors));
        Assert.Equal(2, await RestoreCommand.RunAsync(Configuration(target), Environment(), ["--force"], output, errors));

        var lines = errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("restore failed:", lines[0]);
        Assert.Contains("--force", lines[0]);
        Assert.StartsWith("usage:", lines[1]);
    }

    [Fact]
    public async Task ServerCommands_RunAsAnOperatorRunsThem_ExitZeroWithAnArchiveAndOneWithOneErrorLine()
    {
        var backup = await RunServerAsync(BackupCommand.Name, Archive);
        var restore = await RunServerAsync(RestoreCommand.Name, Path.Combine(_folder, "missing.tar.gz"));

        Assert.True(backup.ExitCode == 0, backup.Errors);
        Assert.True(File.Exists(Archive));
        Assert.Equal(1, restore.ExitCode);
        Assert.StartsWith("restore failed: There is no archive at", Assert.Single(restore.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    /// <summary>The server's own executable with a command, configured for the suite's database through the environment.</summary>
    private async Task<(int ExitCode, string Errors)> RunServerAsync(params string[] args)
    {
        Directory.CreateDirectory(_folder);
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = _folder, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Zhifa.Server.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["Database__Provider"] = app.Database.Provider;
        start.Environment["ConnectionStrings__Zhifa"] = app.Database.ConnectionString;
        start.Environment["Media__Root"] = app.Database.MediaRoot;
        using var process = System.Diagnostics.Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await errors);
    }

    private static IConfiguration Configuration(TestDatabase database) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Database:Provider"] = database.Provider,
        ["ConnectionStrings:Zhifa"] = database.ConnectionString,
        ["Media:Root"] = database.MediaRoot,
    }).Build();

    private HostingEnvironment Environment() => new() { ContentRootPath = _folder, EnvironmentName = "Testing" };

    private sealed record Reported(Guid IncidentId, string Sha256, byte[] Bytes);

    /// <summary>A clue with a photo, reported on the suite's server; answers the file as the store keeps it.</summary>
    private async Task<Reported> ReportWithPhotoAsync(string text)
    {
        var grid = app.Cast.As("grid.hefu");
        var photo = await grid.UploadedAsync(TestImages.Halves(72, 40));
        var at = await _scenario.NextGridPointAsync();
        var accepted = await (await grid.PostJsonAsync("/api/v1/clues",
            new { channel = "grid", text, matterCode = "SY01", lat = at.Lat, lon = at.Lon, mediaIds = new[] { photo.Id } })).ReadAsync<ClueAccepted>();
        var bytes = await File.ReadAllBytesAsync(app.Services.GetRequiredService<MediaStore>().PathOf(photo.Sha256));
        return new Reported(accepted.IncidentId, photo.Sha256, bytes);
    }

    /// <summary>The restored server starts (migrating as usual) and holds the incident, its clue and the photo's bytes.</summary>
    private static async Task AssertRestoredAsync(RestoredServer server, Reported reported, string text)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
        Assert.True(await db.Incidents.AnyAsync(i => i.Id == reported.IncidentId));
        Assert.True(await db.Clues.AnyAsync(c => c.IncidentId == reported.IncidentId && c.Text == text));
        var file = server.Services.GetRequiredService<MediaStore>().PathOf(reported.Sha256);
        Assert.Equal(reported.Bytes, await File.ReadAllBytesAsync(file));
    }

    private static async Task<string?> LastMigrationAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ZhifaDbContext>().Database.GetAppliedMigrationsAsync()).Last();
    }

    private async Task<string> SummaryAsync(TestDatabase database, Guid incidentId)
    {
        await using var server = new RestoredServer(database, app.Time);
        await using var scope = server.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ZhifaDbContext>().Incidents.SingleAsync(i => i.Id == incidentId)).Summary;
    }

    private async Task<TestDatabase> FreshTargetAsync()
    {
        var target = await TestDatabase.CreateAsync();
        _targets.Add(target);
        return target;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var target in _targets)
            await target.DisposeAsync();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A server on a restored database, started as an installation starts after a restore.</summary>
    private sealed class RestoredServer(TestDatabase database, TimeProvider time) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => ZhifaApp.Configure(builder, database, time);
    }
}
