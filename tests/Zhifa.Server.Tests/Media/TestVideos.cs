using System.Buffers.Binary;
using System.Text;

namespace Zhifa.Server.Tests.Media;

/// <summary>Minimal MP4 files, box by box, with the places where phones record where they filmed.</summary>
internal static class TestVideos
{
    /// <summary>Where the clip was filmed, as ISO 6709 text: 和孚镇 in Huzhou.</summary>
    public const string Position = "+30.8050+120.4375/";
    public const string AppleLocationKey = "com.apple.quicktime.location.ISO6709";

    /// <summary>ftyp, then moov with a movie header and user data (and Apple's keyed metadata when asked), then mdat.</summary>
    public static byte[] Mp4(bool withLocation = true, bool withAppleLocation = false, string brand = "isom")
    {
        var userData = withLocation ? Box("udta", Box("\u00A9xyz", [.. U16(Position.Length), .. U16(0x15C7), .. Ascii(Position)])) : Box("udta", Box("\u00A9day", Ascii("2026")));
        byte[] moov = withAppleLocation ? Box("moov", MovieHeader(), userData, AppleMeta()) : Box("moov", MovieHeader(), userData);
        return [.. Box("ftyp", Ascii(brand), U32(0x200), Ascii("isom"), Ascii("mp41")), .. moov, .. Box("mdat", Ascii("not really frames"))];
    }

    /// <summary>The top-level and nested box types in file order, to check that a copy keeps its layout.</summary>
    public static List<(long Offset, string Type, long Size)> Boxes(byte[] mp4, int start = 0, int? end = null)
    {
        var boxes = new List<(long, string, long)>();
        for (var at = start; at + 8 <= (end ?? mp4.Length);)
        {
            var size = BinaryPrimitives.ReadUInt32BigEndian(mp4.AsSpan(at));
            var type = Encoding.Latin1.GetString(mp4, at + 4, 4);
            boxes.Add((at, type, size));
            if (type is "moov" or "udta")
                boxes.AddRange(Boxes(mp4, at + 8, at + (int)size));
            at += (int)size;
        }
        return boxes;
    }

    public static byte[] Box(string type, params byte[][] payload)
    {
        var length = 8 + payload.Sum(p => p.Length);
        return [.. U32((uint)length), .. Encoding.Latin1.GetBytes(type), .. payload.SelectMany(p => p)];
    }

    /// <summary>mvhd, version 0: times, a 1000 Hz timescale, a one-second duration, rate, volume, matrix, next track.</summary>
    private static byte[] MovieHeader()
    {
        var payload = new byte[100];
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(12), 1000);
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(16), 1000);
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(20), 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(24), 0x0100);
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(96), 2);
        return Box("mvhd", payload);
    }

    /// <summary>QuickTime's meta (no version field): hdlr 'mdta', keys naming the location, ilst item 1 holding it.</summary>
    private static byte[] AppleMeta()
    {
        var handler = Box("hdlr", U32(0), U32(0), Ascii("mdta"), new byte[12], [0]);
        var keys = Box("keys", U32(0), U32(1), [.. U32((uint)(8 + AppleLocationKey.Length)), .. Ascii("mdta"), .. Ascii(AppleLocationKey)]);
        var item = Box("\0\0\0\u0001", Box("data", U32(1), U32(0), Ascii(Position)));
        return Box("meta", handler, keys, Box("ilst", item));
    }

    private static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] U16(int value) => [(byte)(value >> 8), (byte)value];

    private static byte[] Ascii(string text) => Encoding.Latin1.GetBytes(text);
}
