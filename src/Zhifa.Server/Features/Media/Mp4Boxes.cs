using System.Buffers.Binary;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Zhifa.Server.Features.Media;

/// <summary>One ISO-BMFF box: where it starts, where its payload starts, where it ends, and its four-letter type.</summary>
public readonly record struct Mp4Box(long Start, long PayloadStart, long End, string Type);

/// <summary>
/// Reads the box structure of an MP4 file (ISO-BMFF) without loading it: a box is a 32-bit size, a
/// four-letter type, and, when the size is 1, a 64-bit size after them. The file is refused unless its
/// boxes follow each other exactly to its end and include the movie header box (<c>moov</c>): a
/// truncated upload ends inside a box.
/// </summary>
public static class Mp4Boxes
{
    /// <summary>Deeper nesting is refused: containers hold containers, and a crafted file must not take the stack.</summary>
    public const int MaxDepth = 16;

    public static IReadOnlyList<Mp4Box> TopLevel(SafeFileHandle file)
    {
        var boxes = Children(file, 0, RandomAccess.GetLength(file), strict: true);
        if (boxes.Count == 0 || boxes[0].Type != "ftyp" || !boxes.Any(b => b.Type == "moov"))
            throw MediaRefusedException.Unreadable("The MP4 has no movie box (moov) after its ftyp box.");
        return boxes;
    }

    /// <summary>
    /// The boxes between <paramref name="start"/> and <paramref name="end"/>. Inside a container,
    /// QuickTime may end the list with a few zero bytes; the top level must end exactly.
    /// </summary>
    public static List<Mp4Box> Children(SafeFileHandle file, long start, long end, bool strict = false)
    {
        var boxes = new List<Mp4Box>();
        Span<byte> header = stackalloc byte[16];
        var at = start;
        while (at < end)
        {
            if (end - at < 8)
            {
                if (strict || !IsZero(file, at, (int)(end - at)))
                    throw MediaRefusedException.Unreadable("The MP4 ends inside a box header: it is truncated or malformed.");
                break;
            }
            ReadExactly(file, header[..8], at);
            var size = (long)BinaryPrimitives.ReadUInt32BigEndian(header);
            var headerLength = 8L;
            if (size == 1)
            {
                if (end - at < 16)
                    throw MediaRefusedException.Unreadable("The MP4 ends inside a box header: it is truncated or malformed.");
                ReadExactly(file, header[8..16], at + 8);
                size = (long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(header[8..16]), long.MaxValue);
                headerLength = 16;
            }
            else if (size == 0)
            {
                size = end - at;  // "to the end of the file" (or of its parent)
            }
            if (size < headerLength || size > end - at)
                throw MediaRefusedException.Unreadable($"A box at byte {at} runs past the end of its container: the MP4 is truncated or malformed.");
            boxes.Add(new Mp4Box(at, at + headerLength, at + size, Encoding.Latin1.GetString(header[4..8])));
            at += size;
        }
        return boxes;
    }

    public static void ReadExactly(SafeFileHandle file, Span<byte> buffer, long offset)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = RandomAccess.Read(file, buffer[read..], offset + read);
            if (n == 0)
                throw MediaRefusedException.Unreadable("The MP4 is shorter than its boxes say.");
            read += n;
        }
    }

    private static bool IsZero(SafeFileHandle file, long offset, int length)
    {
        Span<byte> bytes = stackalloc byte[8];
        ReadExactly(file, bytes[..length], offset);
        return !bytes[..length].ContainsAnyExcept((byte)0);
    }
}
