using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Zhifa.Server.Tests.Media;

/// <summary>Real images made with SkiaSharp, and the EXIF block a camera would add to a JPEG.</summary>
internal static class TestImages
{
    public static readonly byte[] ExifHeader = "Exif\0\0"u8.ToArray();

    /// <summary>An image whose left half is red and right half blue, so a turn shows in its pixels.</summary>
    public static byte[] Halves(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Blue);
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, width / 2f, height, red);
        }
        return Encode(bitmap, format);
    }

    /// <summary>Random pixels, which no encoder can squeeze: a PNG of about 4 bytes a pixel.</summary>
    public static byte[] Noise(int width, int height, int seed = 42)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var pixels = new byte[width * height * 4];
        random.NextBytes(pixels);
        for (var i = 3; i < pixels.Length; i += 4)
            pixels[i] = 255;
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        return Encode(bitmap, SKEncodedImageFormat.Png);
    }

    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A PNG whose header declares a size and whose data holds one row: what a decompression bomb starts with.</summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;  // 8-bit grey; compression, filter and interlace 0
        var row = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(row, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(new byte[width + 1]);
        return [0x89, .. "PNG\r\n"u8, 0x1A, 0x0A, .. Chunk("IHDR", header), .. Chunk("IDAT", row.ToArray()), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typed.CopyTo(chunk, 4);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(typed));
        return chunk;
    }

    /// <summary>PNG's CRC-32 (the zlib polynomial, reflected), bit by bit: the chunks here are small.</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    public static SKBitmap Decode(byte[] bytes) => SKBitmap.Decode(bytes) ?? throw new InvalidOperationException("Does not decode.");

    /// <summary>The JPEG with an EXIF APP1 segment right after its start: an orientation and a GPS position.</summary>
    public static byte[] WithExif(byte[] jpeg, ushort orientation, double lat, double lon)
    {
        var tiff = ExifTiff(orientation, lat, lon);
        var segment = new byte[4 + ExifHeader.Length + tiff.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(segment.Length - 2));
        ExifHeader.CopyTo(segment, 4);
        tiff.CopyTo(segment, 4 + ExifHeader.Length);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>The markers of a JPEG's header segments, up to the start of its scan.</summary>
    public static List<byte> Markers(byte[] jpeg)
    {
        var markers = new List<byte>();
        for (var at = 2; at + 4 <= jpeg.Length && jpeg[at] == 0xFF; at += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2)))
        {
            markers.Add(jpeg[at + 1]);
            if (jpeg[at + 1] == 0xDA)
                break;
        }
        return markers;
    }

    public static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    public static bool Contains(byte[] haystack, string ascii) => Contains(haystack, Encoding.Latin1.GetBytes(ascii));

    /// <summary>
    /// A big-endian TIFF block: IFD0 with Orientation (0x0112) and a pointer (0x8825) to a GPS IFD
    /// holding latitude and longitude as degrees, minutes and seconds.
    /// </summary>
    private static byte[] ExifTiff(ushort orientation, double lat, double lon)
    {
        const int ifd0 = 8, gpsIfd = ifd0 + 2 + 2 * 12 + 4, latData = gpsIfd + 2 + 4 * 12 + 4, lonData = latData + 24;
        var tiff = new byte[lonData + 24];
        var span = tiff.AsSpan();
        "MM"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], 42);
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], ifd0);
        BinaryPrimitives.WriteUInt16BigEndian(span[ifd0..], 2);
        Entry(span[(ifd0 + 2)..], 0x0112, 3, 1, (uint)orientation << 16);
        Entry(span[(ifd0 + 14)..], 0x8825, 4, 1, gpsIfd);
        BinaryPrimitives.WriteUInt16BigEndian(span[gpsIfd..], 4);
        Entry(span[(gpsIfd + 2)..], 0x0001, 2, 2, (uint)'N' << 24);
        Entry(span[(gpsIfd + 14)..], 0x0002, 5, 3, latData);
        Entry(span[(gpsIfd + 26)..], 0x0003, 2, 2, (uint)'E' << 24);
        Entry(span[(gpsIfd + 38)..], 0x0004, 5, 3, lonData);
        Degrees(span[latData..], lat);
        Degrees(span[lonData..], lon);
        return tiff;
    }

    private static void Entry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(at, tag);
        BinaryPrimitives.WriteUInt16BigEndian(at[2..], type);
        BinaryPrimitives.WriteUInt32BigEndian(at[4..], count);
        BinaryPrimitives.WriteUInt32BigEndian(at[8..], value);
    }

    private static void Degrees(Span<byte> at, double value)
    {
        var degrees = (uint)value;
        var minutes = (uint)((value - degrees) * 60);
        var hundredthsOfSeconds = (uint)Math.Round(((value - degrees) * 60 - minutes) * 6000);
        uint[] rationals = [degrees, 1, minutes, 1, hundredthsOfSeconds, 100];
        for (var i = 0; i < rationals.Length; i++)
            BinaryPrimitives.WriteUInt32BigEndian(at[(4 * i)..], rationals[i]);
    }
}
