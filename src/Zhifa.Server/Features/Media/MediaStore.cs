using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Zhifa.Server.Features.Media;

/// <summary>
/// Files named by the SHA-256 of their bytes, under <c>{Root}/ab/cd/{sha256}</c>: the same bytes are
/// kept once however often they arrive, and a stored file never changes. Every file is written to a
/// temporary name in the same tree, flushed to disk, then moved into place, so a reader never sees half
/// a file and a crash leaves at most a stray temporary file.
/// </summary>
public sealed class MediaStore
{
    /// <summary>Where files are written before they are complete; not part of the store's contents.</summary>
    public const string TempFolder = "tmp";

    private readonly ILogger<MediaStore> _logger;

    public MediaStore(IOptions<MediaOptions> options, IHostEnvironment environment, ILogger<MediaStore> logger)
    {
        _logger = logger;
        Root = RootFor(options.Value, environment.ContentRootPath);
        Directory.CreateDirectory(Path.Combine(Root, TempFolder));
    }

    public string Root { get; }

    /// <summary>The folder a store keeps its files in; the backup reads it without opening a store.</summary>
    public static string RootFor(MediaOptions options, string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, options.Root));

    /// <summary>Where the file with this hash lives (whether or not it is there).</summary>
    public string PathOf(string sha256)
    {
        // Hashes come from this code or the database; anything else must not become a path.
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
            throw new ArgumentException($"Not a SHA-256 in lower-case hex: '{sha256}'.", nameof(sha256));
        return Path.Combine(Root, sha256[..2], sha256[2..4], sha256);
    }

    public bool Has(string sha256) => File.Exists(PathOf(sha256));

    /// <summary>The path of a file a row names; null, and an error logged, when the store has lost it.</summary>
    public string? Existing(string sha256)
    {
        var path = PathOf(sha256);
        if (File.Exists(path))
            return path;
        _logger.LogError("Media file {Sha256} is named in the database but missing from {Root}", sha256, Root);
        return null;
    }

    /// <summary>A new temporary file in the store's tree, deleted on dispose unless it was kept.</summary>
    public TempFile NewTempFile() => new(Path.Combine(Root, TempFolder, $"{Guid.NewGuid():N}.part"));

    /// <summary>Moves a complete temporary file to its place; when the bytes are there already, drops it.</summary>
    public void Keep(TempFile file, string sha256)
    {
        var target = PathOf(sha256);
        if (File.Exists(target))
            return;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Two uploads of the same new bytes may race here; both hold identical content, so either may win.
        File.Move(file.Path, target, overwrite: true);
    }

    /// <summary>Stores bytes made in memory (a thumbnail, a re-encoded copy) and answers their hash.</summary>
    public async Task<string> WriteAsync(byte[] bytes, CancellationToken ct)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (Has(sha256))
            return sha256;
        await using var file = NewTempFile();
        await using (var stream = file.Create())
        {
            await stream.WriteAsync(bytes, ct);
            stream.Flush(flushToDisk: true);
        }
        Keep(file, sha256);
        return sha256;
    }
}

/// <summary>A file being written: removed when disposed, unless it was moved into the store.</summary>
public sealed class TempFile(string path) : IAsyncDisposable
{
    public string Path { get; } = path;

    public FileStream Create() => new(Path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous);

    public ValueTask DisposeAsync()
    {
        File.Delete(Path);
        return ValueTask.CompletedTask;
    }
}
