using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace Zhifa.Server.Operations;

/// <summary>
/// The backup file: a gzip-compressed tar with <c>manifest.json</c> first, then the database, then the
/// media files. Written under a temporary name and moved into place, so a failed backup leaves no
/// archive that looks whole.
/// </summary>
public static class BackupArchive
{
    /// <summary>An archive of <paramref name="files"/> (name in the archive → file on disk), the size and hash of each as listed in <paramref name="manifest"/>.</summary>
    public static async Task WriteAsync(string archivePath, BackupManifest manifest, IReadOnlyDictionary<string, string> files, CancellationToken ct)
    {
        var full = Path.GetFullPath(archivePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // Its own name: two backups to one path (the timer and a hand) must not write or delete each other's.
        var partial = $"{full}.{Guid.NewGuid():N}.partial";
        try
        {
            await using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
                await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
                {
                    using (var json = new MemoryStream(manifest.ToJson()))
                        await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, BackupManifest.EntryName) { DataStream = json }, ct);
                    foreach (var file in manifest.Files)
                    {
                        await using var data = File.OpenRead(files[file.Path]);
                        await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, file.Path) { DataStream = data }, ct);
                    }
                }
                output.Flush(flushToDisk: true);
            }
            File.Move(partial, full, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>
    /// Reads the whole archive and answers its manifest once every listed file is there with its
    /// size and SHA-256, and nothing else is; refuses a damaged or foreign archive.
    /// </summary>
    public static async Task<BackupManifest> VerifyAsync(string archivePath, CancellationToken ct)
    {
        BackupManifest? manifest = null;
        var unseen = new Dictionary<string, ArchivedFile>(StringComparer.Ordinal);
        await ReadAsync(archivePath, async entry =>
        {
            if (manifest is null)
            {
                if (entry.Name != BackupManifest.EntryName || entry.DataStream is null)
                    throw new BackupException($"The archive does not start with {BackupManifest.EntryName}; it is not a Zhifa backup.");
                using var json = new MemoryStream();
                await entry.DataStream.CopyToAsync(json, ct);
                manifest = BackupManifest.Parse(json.ToArray());
                foreach (var file in manifest.Files)
                    unseen[file.Path] = file;
                return;
            }
            if (!unseen.Remove(entry.Name, out var listed))
                throw new BackupException($"The archive holds '{entry.Name}', which its manifest does not list (or lists once).");
            var (size, sha256) = await MeasureAsync(entry.DataStream ?? Stream.Null, ct);
            if (size != listed.Size || sha256 != listed.Sha256)
                throw new BackupException($"The archive's '{entry.Name}' does not match its checksum; the archive is damaged.");
        }, ct);
        if (manifest is null)
            throw new BackupException("The archive is empty; it is not a Zhifa backup.");
        if (unseen.Count > 0)
            throw new BackupException($"The archive lacks '{unseen.Keys.First()}', which its manifest lists; the archive is damaged.");
        return manifest;
    }

    /// <summary>Writes each entry that <paramref name="destinationFor"/> gives a path (null: skip) to that path, complete or not at all.</summary>
    public static Task ExtractAsync(string archivePath, Func<string, string?> destinationFor, CancellationToken ct) =>
        ReadAsync(archivePath, async entry =>
        {
            if (entry.Name == BackupManifest.EntryName || destinationFor(entry.Name) is not { } target || entry.DataStream is null)
                return;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var partial = $"{target}.{Guid.NewGuid():N}.part";
            try
            {
                await using (var output = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
                {
                    await entry.DataStream.CopyToAsync(output, ct);
                    output.Flush(flushToDisk: true);
                }
                File.Move(partial, target, overwrite: true);
            }
            finally
            {
                File.Delete(partial);
            }
        }, ct);

    /// <summary>The length and SHA-256 (lower-case hex) of a stream's bytes.</summary>
    public static async Task<(long Size, string Sha256)> MeasureAsync(Stream data, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await data.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            size += read;
        }
        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Each entry in order; a stream that is no gzip or no tar is a damaged archive, said so in one line.</summary>
    private static async Task ReadAsync(string archivePath, Func<TarEntry, Task> each, CancellationToken ct)
    {
        if (!File.Exists(archivePath))
            throw new BackupException($"There is no archive at {archivePath}.");
        try
        {
            await using var input = File.OpenRead(archivePath);
            await using var gzip = new GZipStream(input, CompressionMode.Decompress);
            await using var tar = new TarReader(gzip);
            while (await tar.GetNextEntryAsync(copyData: false, ct) is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                    throw new BackupException($"The archive holds '{entry.Name}', which is not a plain file.");
                await each(entry);
            }
            // The gzip trailer's CRC is checked only when the stream is read to its end.
            await gzip.CopyToAsync(Stream.Null, ct);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException or JsonException)
        {
            throw new BackupException($"The archive cannot be read; it is damaged or not a Zhifa backup ({e.Message}).", e);
        }
    }
}
