using System.Buffers.Binary;
using ATTT.Monitor.Evtx.Chunks;

namespace ATTT.Monitor.Evtx.Tests.Support;

/// <summary>
/// A minimal, valid EVTX file: the file header and one chunk holding the given records (their binary
/// XML), with every size and checksum a reader checks. The chunk's string and template tables are
/// empty, so the records must carry their names and templates inline.
/// </summary>
internal static class EvtxFileBuilder
{
    public const int FirstRecordOffset = 512;
    private const int HeaderSize = 4096;
    private const int ChunkSize = 65536;
    private const int RecordHeaderSize = 24;

    /// <summary>The chunk offset where the binary XML of a record written at <paramref name="recordOffset"/> begins.</summary>
    public static int BinXmlOffset(int recordOffset) => recordOffset + RecordHeaderSize;

    /// <param name="records">Each record's binary XML, built for the offset <see cref="BinXmlOffset"/> gives.</param>
    public static byte[] Build(params byte[][] records)
    {
        var file = new byte[HeaderSize + ChunkSize];
        var chunk = file.AsSpan(HeaderSize, ChunkSize);
        var pos = FirstRecordOffset;
        var last = pos;
        for (var i = 0; i < records.Length; i++)
        {
            var size = RecordHeaderSize + records[i].Length + 4;
            var record = chunk.Slice(pos, size);
            BinaryPrimitives.WriteUInt32LittleEndian(record, 0x00002a2a);
            BinaryPrimitives.WriteInt32LittleEndian(record[4..], size);
            BinaryPrimitives.WriteInt64LittleEndian(record[8..], i + 1);
            BinaryPrimitives.WriteInt64LittleEndian(record[16..], new DateTime(2020, 7, 11, 13, 21, 11, DateTimeKind.Utc).ToFileTimeUtc());
            records[i].CopyTo(record[RecordHeaderSize..]);
            BinaryPrimitives.WriteInt32LittleEndian(record[(size - 4)..], size);
            last = pos;
            pos += size;
        }

        "ElfChnk\0"u8.CopyTo(chunk);
        BinaryPrimitives.WriteInt64LittleEndian(chunk[8..], 1);
        BinaryPrimitives.WriteInt64LittleEndian(chunk[16..], records.Length);
        BinaryPrimitives.WriteInt64LittleEndian(chunk[24..], 1);
        BinaryPrimitives.WriteInt64LittleEndian(chunk[32..], records.Length);
        BinaryPrimitives.WriteInt32LittleEndian(chunk[40..], 128);
        BinaryPrimitives.WriteInt32LittleEndian(chunk[44..], last);
        BinaryPrimitives.WriteInt32LittleEndian(chunk[48..], pos);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk[52..], Crc32.Compute(chunk[FirstRecordOffset..pos]));
        BinaryPrimitives.WriteUInt32LittleEndian(chunk[124..], Crc32.Append(Crc32.Compute(chunk[..120]), chunk[128..512]));

        var header = file.AsSpan(0, HeaderSize);
        "ElfFile\0"u8.CopyTo(header);
        BinaryPrimitives.WriteInt64LittleEndian(header[24..], records.Length + 1);
        BinaryPrimitives.WriteInt32LittleEndian(header[32..], 128);
        BinaryPrimitives.WriteUInt16LittleEndian(header[36..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(header[38..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header[40..], HeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(header[42..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[124..], Crc32.Compute(header[..120]));
        return file;
    }
}
