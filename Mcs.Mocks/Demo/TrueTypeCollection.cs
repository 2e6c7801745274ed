using System.Buffers.Binary;

namespace Mcs.Mocks.Demo;

/// <summary>
/// Turns one face of a TrueType collection (.ttc, as Debian ships its CJK fonts) into a standalone .ttf, because
/// PDFsharp embeds .ttf only. The tables are copied as they are; only the table directory's offsets change.
/// </summary>
public static class TrueTypeCollection
{
    public static byte[] ExtractFont(byte[] collection, int index = 0)
    {
        ArgumentNullException.ThrowIfNull(collection);
        var span = collection.AsSpan();
        if (span.Length < 12 || !span[..4].SequenceEqual("ttcf"u8))
        {
            return collection; // already a single font
        }
        var count = BinaryPrimitives.ReadInt32BigEndian(span[8..]);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        var directory = BinaryPrimitives.ReadInt32BigEndian(span[(12 + 4 * index)..]);
        var tables = BinaryPrimitives.ReadUInt16BigEndian(span[(directory + 4)..]);
        var headerLength = 12 + 16 * tables;

        var records = new List<(int Record, int Offset, int Length)>(tables);
        var size = headerLength;
        for (var i = 0; i < tables; i++)
        {
            var record = directory + 12 + 16 * i;
            var offset = BinaryPrimitives.ReadInt32BigEndian(span[(record + 8)..]);
            var length = BinaryPrimitives.ReadInt32BigEndian(span[(record + 12)..]);
            records.Add((record, offset, length));
            size += Align4(length);
        }

        var font = new byte[size];
        span.Slice(directory, 12).CopyTo(font);
        var position = headerLength;
        for (var i = 0; i < records.Count; i++)
        {
            var (record, offset, length) = records[i];
            var target = font.AsSpan(12 + 16 * i, 16);
            span.Slice(record, 16).CopyTo(target);
            BinaryPrimitives.WriteInt32BigEndian(target[8..], position);
            span.Slice(offset, length).CopyTo(font.AsSpan(position));
            position += Align4(length);
        }
        return font;
    }

    private static int Align4(int length) => (length + 3) & ~3;
}
