using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace ATTT.Monitor.Agent.Spool;

/// <summary>
/// The record framing of a segment file: <c>[u32 length][u32 CRC-32 of payload][payload]</c>, little
/// endian. Payload version 1: <c>[u8 1][i64 seq][i32 event count][i32 position length][position UTF-8][events JSON]</c>;
/// version 2, for a batch that carries channel losses: <c>[u8 2][i64 seq][i32 event count][i32 position length][position]
/// [i32 losses length][losses JSON][events JSON]</c>. A batch without losses is written as version 1, so
/// spools written before losses existed and after read the same. A torn write at the tail shows up as a
/// short frame or a CRC mismatch.
/// </summary>
internal static class SpoolFrame
{
    public const int HeaderSize = 8;
    public const int MaxPayload = 64 * 1024 * 1024;
    private const byte Plain = 1, WithLosses = 2;
    private const int FixedPayload = 1 + 8 + 4 + 4;

    public static byte[] Encode(long sequence, int eventCount, string? position, ReadOnlySpan<byte> eventsJson, ReadOnlySpan<byte> lossesJson = default)
    {
        var positionBytes = position is null ? [] : Encoding.UTF8.GetBytes(position);
        var lossesPart = lossesJson.IsEmpty ? 0 : 4 + lossesJson.Length;
        var payloadLength = FixedPayload + positionBytes.Length + lossesPart + eventsJson.Length;
        var frame = new byte[HeaderSize + payloadLength];
        var payload = frame.AsSpan(HeaderSize);
        payload[0] = lossesJson.IsEmpty ? Plain : WithLosses;
        BinaryPrimitives.WriteInt64LittleEndian(payload[1..], sequence);
        BinaryPrimitives.WriteInt32LittleEndian(payload[9..], eventCount);
        BinaryPrimitives.WriteInt32LittleEndian(payload[13..], position is null ? -1 : positionBytes.Length);
        positionBytes.CopyTo(payload[FixedPayload..]);
        var at = FixedPayload + positionBytes.Length;
        if (!lossesJson.IsEmpty)
        {
            BinaryPrimitives.WriteInt32LittleEndian(payload[at..], lossesJson.Length);
            lossesJson.CopyTo(payload[(at + 4)..]);
            at += lossesPart;
        }

        eventsJson.CopyTo(payload[at..]);
        BinaryPrimitives.WriteInt32LittleEndian(frame, payloadLength);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), Crc32.HashToUInt32(payload));
        return frame;
    }

    /// <summary>Reads a frame header: false when it cannot start a valid frame.</summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> header, out int payloadLength, out uint crc)
    {
        payloadLength = BinaryPrimitives.ReadInt32LittleEndian(header);
        crc = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        return payloadLength is >= FixedPayload and <= MaxPayload;
    }

    /// <summary>Decodes a payload; the losses are at <paramref name="losses"/> (empty range when none), the events from <paramref name="eventsOffset"/>.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> payload, uint crc, out long sequence, out int eventCount, out string? position, out int eventsOffset,
        out Range losses)
    {
        sequence = 0;
        eventCount = 0;
        position = null;
        eventsOffset = 0;
        losses = default;
        if (payload.Length < FixedPayload || Crc32.HashToUInt32(payload) != crc || payload[0] is not (Plain or WithLosses))
            return false;
        sequence = BinaryPrimitives.ReadInt64LittleEndian(payload[1..]);
        eventCount = BinaryPrimitives.ReadInt32LittleEndian(payload[9..]);
        var positionLength = BinaryPrimitives.ReadInt32LittleEndian(payload[13..]);
        if (positionLength > payload.Length - FixedPayload || positionLength < -1)
            return false;
        if (positionLength >= 0)
            position = Encoding.UTF8.GetString(payload.Slice(FixedPayload, positionLength));
        eventsOffset = FixedPayload + Math.Max(positionLength, 0);
        if (payload[0] == WithLosses)
        {
            if (eventsOffset + 4 > payload.Length)
                return false;
            var lossesLength = BinaryPrimitives.ReadInt32LittleEndian(payload[eventsOffset..]);
            if (lossesLength < 0 || lossesLength > payload.Length - eventsOffset - 4)
                return false;
            losses = new Range(eventsOffset + 4, eventsOffset + 4 + lossesLength);
            eventsOffset += 4 + lossesLength;
        }

        return sequence > 0 && eventCount >= 0;
    }
}
