namespace Zhifa.Server.Features.Media;

/// <summary>The <c>Media</c> configuration section.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>Where files are stored; a relative path is taken from the content root, like the SQLite file.</summary>
    public string Root { get; set; } = "data/media";

    /// <summary>The largest file an upload may carry: 20 MiB, a phone's full-size photo or a short clip.</summary>
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>
    /// The most pixels an image may have. A small file can declare a huge image (a decompression bomb);
    /// decoding needs 4 bytes a pixel, so this bounds the memory an upload can take. 50 MP covers phone cameras.
    /// </summary>
    public long MaxPixels { get; set; } = 50_000_000;
}
