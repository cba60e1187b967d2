using System.Text;

namespace Zhifa.Server.Features.Media;

/// <summary>The kinds of file the platform keeps, each known by its first bytes.</summary>
public enum MediaKind
{
    Jpeg,
    Png,
    WebP,
    Mp4,
}

public static class MediaKinds
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs.</summary>
    public const int HeadLength = 12;

    /// <summary>
    /// ISO-BMFF major brands of MP4 files as cameras, phones and encoders write them. QuickTime
    /// (<c>qt  </c>) and 3GP are other formats with other types, and are not taken as MP4.
    /// </summary>
    private static readonly HashSet<string> Mp4Brands =
        ["isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "dash", "mmp4", "MSNV"];

    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// The kind the bytes are, or null. Only the content counts: a client's file name and Content-Type
    /// are easy to get wrong and easy to forge, and a browser would trust what the platform says.
    /// </summary>
    public static MediaKind? Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
            return MediaKind.Jpeg;
        if (head.StartsWith(Png))
            return MediaKind.Png;
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
            return MediaKind.WebP;
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8) && Mp4Brands.Contains(Encoding.Latin1.GetString(head[8..12])))
            return MediaKind.Mp4;
        return null;
    }

    public static string ContentType(this MediaKind kind) => kind switch
    {
        MediaKind.Jpeg => "image/jpeg",
        MediaKind.Png => "image/png",
        MediaKind.WebP => "image/webp",
        _ => "video/mp4",
    };

    public static bool IsImage(this MediaKind kind) => kind != MediaKind.Mp4;
}

/// <summary>An upload the platform does not take: answered with its status and code, naming the field <c>file</c>.</summary>
public sealed class MediaRefusedException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;

    public static MediaRefusedException Unreadable(string message) =>
        new(StatusCodes.Status400BadRequest, "media.unreadable", message);
}
