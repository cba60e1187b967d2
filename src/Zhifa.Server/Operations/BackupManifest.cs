using System.Text.Encodings.Web;
using System.Text.Json;

namespace Zhifa.Server.Operations;

/// <summary>
/// <c>manifest.json</c>, the archive's first entry: what made it and every other entry's size and
/// SHA-256, so a restore can prove the whole archive intact before it changes anything.
/// </summary>
public sealed record BackupManifest(
    int FormatVersion,
    string Provider,
    DateTimeOffset CreatedAt,
    string? PlatformVersion,
    string? MigrationId,
    IReadOnlyList<ArchivedFile> Files)
{
    public const int CurrentFormat = 1;
    public const string EntryName = "manifest.json";
    public const string DatabaseFolder = "database/";
    public const string MediaFolder = "media/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // A file for people and tools, never a web page: '+' in a version stays '+'.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>The manifest in <paramref name="json"/>, checked for what a restore relies on.</summary>
    public static BackupManifest Parse(byte[] json)
    {
        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(json, Json);
        }
        catch (JsonException e)
        {
            throw new BackupException($"The archive's {EntryName} is not valid: {e.Message}", e);
        }
        if (manifest is null || manifest.Files is null || string.IsNullOrEmpty(manifest.Provider))
            throw new BackupException($"The archive's {EntryName} is incomplete.");
        if (manifest.FormatVersion != CurrentFormat)
            throw new BackupException($"The archive has format {manifest.FormatVersion}; this version reads format {CurrentFormat}.");
        if (manifest.Files.DistinctBy(f => f.Path).Count() != manifest.Files.Count)
            throw new BackupException($"The archive's {EntryName} lists a file twice.");
        foreach (var file in manifest.Files)
            if (!IsSafe(file.Path))
                throw new BackupException($"The archive names a file outside its folders: '{file.Path}'.");
        return manifest;
    }

    /// <summary>
    /// Entries are only ever written under <c>database/</c> or <c>media/</c>, as plain relative names:
    /// an archive naming anything else (<c>..</c>, an absolute path) must not be able to write there.
    /// </summary>
    private static bool IsSafe(string? path) =>
        !string.IsNullOrEmpty(path)
        && (path.StartsWith(DatabaseFolder, StringComparison.Ordinal) || path.StartsWith(MediaFolder, StringComparison.Ordinal))
        && !path.Contains('\\') && !path.Contains(':')
        && path.Split('/').All(segment => segment is not ("" or "." or ".."));
}

/// <summary>One entry of the archive: its name there, its length and the SHA-256 of its bytes in lower-case hex.</summary>
public sealed record ArchivedFile(string Path, long Size, string Sha256);

