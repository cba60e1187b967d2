using System.Reflection;
using Zhifa.Server.Features.Media;

namespace Zhifa.Server.Operations;

/// <summary>
/// One archive of an installation's data: a consistent copy of the database and every stored media
/// file. Safe while the server runs: the database copy is taken in one snapshot, and media files are
/// never changed once stored, only added (a file added after the copy began is simply not in it).
/// </summary>
public sealed class PlatformBackup(PlatformStorage storage, TimeProvider time)
{
    public async Task<BackupManifest> CreateAsync(string archivePath, CancellationToken ct)
    {
        var staging = Directory.CreateTempSubdirectory("zhifa-backup-");
        try
        {
            var database = storage.Database;
            var copy = Path.Combine(staging.FullName, Path.GetFileName(database.ArchiveName));
            var migration = await database.DumpAsync(copy, ct);
            var sources = new Dictionary<string, string>(StringComparer.Ordinal) { [database.ArchiveName] = copy };
            foreach (var (name, path) in MediaFiles())
                sources[name] = path;

            var files = new List<ArchivedFile>();
            foreach (var (name, path) in sources)
            {
                await using var data = File.OpenRead(path);
                var (size, sha256) = await BackupArchive.MeasureAsync(data, ct);
                files.Add(new ArchivedFile(name, size, sha256));
            }
            var manifest = new BackupManifest(BackupManifest.CurrentFormat, storage.Provider.ToString(), time.GetUtcNow(),
                PlatformVersion, migration, files);
            await BackupArchive.WriteAsync(archivePath, manifest, sources, ct);
            return manifest;
        }
        finally
        {
            staging.Delete(recursive: true);
        }
    }

    private static string? PlatformVersion =>
        typeof(PlatformBackup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    /// <summary>Every stored file by its name in the archive, in a stable order; uploads still being written are left out.</summary>
    private IEnumerable<(string Name, string Path)> MediaFiles()
    {
        if (!Directory.Exists(storage.MediaRoot))
            return [];
        var temporary = Path.Combine(storage.MediaRoot, MediaStore.TempFolder) + Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(storage.MediaRoot, "*", SearchOption.AllDirectories)
            .Where(path => !path.StartsWith(temporary, StringComparison.Ordinal))
            .Select(path => (Name: BackupManifest.MediaFolder + Path.GetRelativePath(storage.MediaRoot, path).Replace(Path.DirectorySeparatorChar, '/'), Path: path))
            .OrderBy(file => file.Name, StringComparer.Ordinal);
    }
}
