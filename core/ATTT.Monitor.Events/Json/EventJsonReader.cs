using System.Buffers;
using System.Text.Json;

namespace ATTT.Monitor.Events.Json;

/// <summary>
/// Reads records in the shape that <c>attt evtx dump --format json</c> writes (and that the SigmaHQ
/// regression data uses): <c>{"Event":{"System":{...},"EventData":{...}}}</c> or with
/// <c>UserData</c>. Works for JSON lines and for pretty-printed objects written one after another.
/// Strings are read with <see cref="JsonText"/>: invalid UTF-8 and lone surrogates become U+FFFD.
/// </summary>
public static class EventJsonReader
{
    private const int InitialBuffer = 64 * 1024;

    /// <summary>Parses one record.</summary>
    /// <exception cref="EventJsonException">The bytes are not JSON or not an event record.</exception>
    public static EventRecord Parse(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            using var doc = JsonDocument.ParseValue(ref reader);
            return EventJsonMapper.ToRecord(doc.RootElement);
        }
        catch (JsonException ex)
        {
            throw new EventJsonException($"The event is not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>Maps one parsed record (the root of its JSON document).</summary>
    /// <exception cref="EventJsonException">The element is not an event record in this shape.</exception>
    public static EventRecord ToRecord(JsonElement root) => EventJsonMapper.ToRecord(root);

    /// <summary>
    /// Reads every record of a stream of concatenated JSON objects (one per line, or pretty-printed).
    /// Records are produced as they are read, so a large file never sits in memory whole.
    /// </summary>
    /// <exception cref="EventJsonException">A record is malformed; the message names its line.</exception>
    public static IEnumerable<EventRecord> ReadConcatenated(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        try
        {
            int start = 0, end = 0;
            var eof = false;
            long line = 1;
            while (true)
            {
                start = SkipWhitespace(buffer, start, end, ref line);
                if (start == end)
                {
                    if (eof) yield break;
                    start = end = 0;
                }
                else
                {
                    var parsed = TryParseOne(buffer.AsSpan(start, end - start), eof, line, out var consumed);
                    if (parsed is not null)
                    {
                        line += CountNewLines(buffer.AsSpan(start, consumed));
                        start += consumed;
                        yield return parsed;
                        continue;
                    }

                    if (eof)
                        throw new EventJsonException($"Line {line}: the input ends inside a JSON object.", line);
                }

                // Need more bytes: compact, grow when one record fills the buffer, then read.
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }

                if (end == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, 0, bigger, 0, end);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = stream.Read(buffer, end, buffer.Length - end);
                if (read == 0) eof = true;
                end += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static EventRecord? TryParseOne(ReadOnlySpan<byte> span, bool isFinal, long line, out int consumed)
    {
        consumed = 0;
        var reader = new Utf8JsonReader(span, isFinal, default);
        try
        {
            if (!JsonDocument.TryParseValue(ref reader, out var doc))
                return null;
            using (doc)
            {
                consumed = (int)reader.BytesConsumed;
                return EventJsonMapper.ToRecord(doc.RootElement);
            }
        }
        catch (JsonException ex)
        {
            var at = line + (ex.LineNumber ?? 0);
            throw new EventJsonException($"Line {at}: not valid JSON ({ex.Message})", at, ex);
        }
        catch (EventJsonException ex)
        {
            throw new EventJsonException($"Line {line}: {ex.Message}", line, ex);
        }
    }

    private static int SkipWhitespace(byte[] buffer, int start, int end, ref long line)
    {
        while (start < end && buffer[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            if (buffer[start] == (byte)'\n') line++;
            start++;
        }

        return start;
    }

    private static int CountNewLines(ReadOnlySpan<byte> span) => span.Count((byte)'\n');
}
