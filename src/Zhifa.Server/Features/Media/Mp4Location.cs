using System.Buffers.Binary;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Zhifa.Server.Features.Media;

/// <summary>
/// Finds where an MP4 records where it was filmed, so the copy shown outside the platform can leave it
/// out: <c>©xyz</c> (ISO 6709 text, as phones write it) and <c>loci</c> (3GPP) boxes in the user data,
/// and Apple's <c>com.apple.quicktime.location.*</c> items in a <c>meta</c> box's <c>keys</c>/<c>ilst</c>.
/// Each such box is turned into a <c>free</c> box of the same size filled with zeros: the position is gone,
/// every player skips <c>free</c>, and no offset in the file (such as the sample tables' offsets into
/// <c>mdat</c>) moves.
/// </summary>
public static class Mp4Location
{
    private const string Xyz = "\u00A9xyz";
    private static readonly HashSet<string> Containers = ["moov", "trak", "udta", "meta"];

    /// <summary>The boxes to blank: checks the structure on the way and refuses a malformed file.</summary>
    public static List<Mp4Box> Find(SafeFileHandle file)
    {
        var found = new List<Mp4Box>();
        foreach (var box in Mp4Boxes.TopLevel(file).Where(b => Containers.Contains(b.Type)))
            Walk(file, box, 1, found);
        return found;
    }

    /// <summary>Blanks the boxes in a copy of the file: type <c>free</c>, payload zeros, sizes unchanged.</summary>
    public static void Blank(SafeFileHandle copy, IEnumerable<Mp4Box> boxes)
    {
        var zeros = new byte[64 * 1024];
        foreach (var box in boxes)
        {
            RandomAccess.Write(copy, "free"u8, box.Start + 4);
            for (var at = box.PayloadStart; at < box.End; at += zeros.Length)
                RandomAccess.Write(copy, zeros.AsSpan(0, (int)Math.Min(zeros.Length, box.End - at)), at);
        }
    }

    private static void Walk(SafeFileHandle file, Mp4Box container, int depth, List<Mp4Box> found)
    {
        if (depth > Mp4Boxes.MaxDepth)
            throw MediaRefusedException.Unreadable("The MP4's boxes are nested too deeply.");
        var children = Mp4Boxes.Children(file, ChildrenStart(file, container), container.End);
        // In an ilst, an item's type is its 1-based index into the keys box next to it.
        var locationKeys = children.FirstOrDefault(b => b.Type == "keys") is { Type: "keys" } keys ? LocationKeys(file, keys) : [];
        foreach (var child in children)
        {
            if (child.Type is Xyz or "loci")
                found.Add(child);
            else if (child.Type == "ilst")
                found.AddRange(Mp4Boxes.Children(file, child.PayloadStart, child.End)
                    .Where(item => item.Type is Xyz || locationKeys.Contains(BinaryPrimitives.ReadUInt32BigEndian(Encoding.Latin1.GetBytes(item.Type)))));
            else if (Containers.Contains(child.Type))
                Walk(file, child, depth + 1, found);
        }
    }

    /// <summary>
    /// An ISO <c>meta</c> box is a full box (4 bytes of version and flags before its children); Apple's
    /// QuickTime <c>meta</c> is not, and starts straight with its <c>hdlr</c>.
    /// </summary>
    private static long ChildrenStart(SafeFileHandle file, Mp4Box box)
    {
        if (box.Type != "meta")
            return box.PayloadStart;
        if (box.End - box.PayloadStart < 8)
            return Math.Min(box.PayloadStart + 4, box.End);
        Span<byte> head = stackalloc byte[8];
        Mp4Boxes.ReadExactly(file, head, box.PayloadStart);
        return head[4..8].SequenceEqual("hdlr"u8) ? box.PayloadStart : box.PayloadStart + 4;
    }

    /// <summary>The 1-based indexes of the keys that name a location (a full box: version and flags, a count, then the keys).</summary>
    private static HashSet<uint> LocationKeys(SafeFileHandle file, Mp4Box keys)
    {
        var indexes = new HashSet<uint>();
        Span<byte> header = stackalloc byte[8];
        var at = keys.PayloadStart + 8;
        for (uint index = 1; at + 8 <= keys.End; index++)
        {
            Mp4Boxes.ReadExactly(file, header, at);
            var size = BinaryPrimitives.ReadUInt32BigEndian(header);
            if (size < 8 || size > keys.End - at)
                throw MediaRefusedException.Unreadable("The MP4's metadata keys are malformed.");
            // Location keys are short; a long value is some other key and is not read.
            if (size <= 256)
            {
                var name = new byte[size - 8];
                Mp4Boxes.ReadExactly(file, name, at + 8);
                if (Encoding.UTF8.GetString(name).Contains("location", StringComparison.OrdinalIgnoreCase))
                    indexes.Add(index);
            }
            at += size;
        }
        return indexes;
    }
}
