using Zhifa.Server.Features.Media;

namespace Zhifa.Server.Operations;

/// <summary>
/// Puts an archive's database and media files back, with the server stopped. Nothing is changed until
/// the whole archive has been read and every checksum matched, the archive's provider is the one
/// configured, and the database is empty or <c>force</c> allows overwriting it. Media files are added
/// to the folder (a file of the same name is the same bytes: names are hashes); files the archive does
/// not hold stay. The next start migrates a database from an older version forward.
/// </summary>
public sealed class PlatformRestore(PlatformStorage storage)
{
    public async Task<BackupManifest> RestoreAsync(string archivePath, bool force, CancellationToken ct)
    {
        var manifest = await BackupArchive.VerifyAsync(archivePath, ct);
        if (!string.Equals(manifest.Provider, storage.Provider.ToString(), StringComparison.OrdinalIgnoreCase))
            throw new BackupException(
                $"The archive holds a {manifest.Provider} database but this installation is configured for {storage.Provider}; restore it on a {manifest.Provider} installation.");
        // The start after the restore could not migrate a schema this version has never seen.
        if (manifest.MigrationId is { } migration && !storage.KnownMigrations().Contains(migration))
            throw new BackupException($"The archive comes from a newer version of the platform (migration {migration}); restore it with that version or a later one.");
        var database = storage.Database;
        if (!manifest.Files.Any(f => f.Path == database.ArchiveName))
            throw new BackupException($"The archive lacks its database, {database.ArchiveName}.");
        if (!force && await database.HasDataAsync(ct))
            throw new BackupException("The configured database already holds data; stop the server and run restore with --force to replace it.");

        var staging = Directory.CreateTempSubdirectory("zhifa-restore-");
        try
        {
            var copy = Path.Combine(staging.FullName, Path.GetFileName(database.ArchiveName));
            await BackupArchive.ExtractAsync(archivePath, name => name == database.ArchiveName ? copy : null, ct);
            await database.RestoreAsync(copy, ct);
        }
        finally
        {
            staging.Delete(recursive: true);
        }
        Directory.CreateDirectory(Path.Combine(storage.MediaRoot, MediaStore.TempFolder));
        await BackupArchive.ExtractAsync(archivePath, MediaPath, ct);
        return manifest;
    }

    /// <summary>Where a media entry goes: its relative name under the media folder (the manifest has checked the name is plain).</summary>
    private string? MediaPath(string name) =>
        name.StartsWith(BackupManifest.MediaFolder, StringComparison.Ordinal)
            ? Path.Combine(storage.MediaRoot, name[BackupManifest.MediaFolder.Length..].Replace('/', Path.DirectorySeparatorChar))
            : null;
}
