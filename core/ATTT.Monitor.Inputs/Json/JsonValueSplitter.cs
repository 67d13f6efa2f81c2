using System.Globalization;
using System.Text.Json;

namespace ATTT.Monitor.Inputs.Json;

/// <summary>
/// Splits a JSON input into records without reading it whole: values one after another (JSON lines,
/// or pretty-printed objects written one after another), the items of top-level arrays, and the
/// hits of an Elasticsearch search response (<c>{"took":…,"hits":{"hits":[…]}}</c>). Only one
/// record is in memory at a time.
/// A part that is not valid JSON is given as one bad slot; reading goes on at the next line that
/// can start a record, so one broken line costs that line only.
/// </summary>
internal sealed class JsonValueSplitter : IDisposable
{
    /// <summary>The largest record read; a larger one is skipped as bad (attacker-sized input must not cost memory).</summary>
    public const int DefaultMaxRecordBytes = 16 * 1024 * 1024;

    private readonly ByteWindow _window;
    private readonly int _maxRecordBytes;
    private Container _container;
    private JsonReaderState _hitsState;
    private bool _recovering;
    private bool _started;

    public JsonValueSplitter(Stream stream, int maxRecordBytes = DefaultMaxRecordBytes)
    {
        _window = new ByteWindow(stream, maxRecordBytes);
        _maxRecordBytes = maxRecordBytes;
    }

    private enum Container
    {
        None,
        Array,
        Hits,
    }

    private enum Outcome
    {
        Done,
        Incomplete,
        Failed,
    }

    /// <summary>
    /// The next record, or the next part that could not be read. With <paramref name="parse"/>
    /// false a record is only delimited (resuming skips records without building them). False at
    /// the end of the input.
    /// </summary>
    public bool TryNext(bool parse, out JsonSlot slot)
    {
        if (!_started)
        {
            _started = true;
            if (_window.Any() && _window.Data.StartsWith("\uFEFF"u8))
                _window.Advance(3);
        }

        while (true)
        {
            if (!_window.SkipWhitespace(commas: _container != Container.None))
                return End(out slot);
            var line = _window.Line;
            var first = _window.Data[0];
            if (_recovering && !CanStartRecord(first))
            {
                _window.SkipLine();
                continue;
            }

            if (_container != Container.None && first == (byte)']')
            {
                if (!LeaveArray(out var error))
                    return Bad(line, error, out slot);
                continue;
            }

            if (_container == Container.None && first == (byte)'[')
            {
                _window.Advance(1);
                _container = Container.Array;
                continue;
            }

            if (_container == Container.None && first == (byte)'{')
            {
                var entered = TryEnterSearchResponse(out var error);
                if (error is not null)
                    return Bad(line, error, out slot);
                if (entered)
                    continue;
            }

            var outcome = Delimit(parse, out var document, out var failure);
            if (outcome == Outcome.Done)
            {
                _recovering = false;
                slot = new JsonSlot(document, line, null);
                return true;
            }

            if (Bad(line, failure!, out slot))
                return true;
        }
    }

    public void Dispose() => _window.Dispose();

    // Only the first failure after a good record is reported: the lines after a syntax error are
    // tried one by one until a record reads again, and they are the same damage.
    private bool Bad(long line, string error, out JsonSlot slot)
    {
        var report = !_recovering;
        _recovering = true;
        slot = new JsonSlot(null, line, error);
        return report;
    }

    private bool End(out JsonSlot slot)
    {
        slot = default;
        if (_container == Container.None || _recovering)
            return false;
        _container = Container.None;
        _recovering = true;
        slot = new JsonSlot(null, _window.Line, "the input ends inside a JSON array");
        return true;
    }

    private bool CanStartRecord(byte b) => b is (byte)'{' or (byte)'[' || (b == (byte)']' && _container != Container.None);

    /// <summary>Finds the end of the value at the window's start and consumes it.</summary>
    private Outcome Delimit(bool parse, out JsonDocument? document, out string? error)
    {
        document = null;
        error = null;
        while (true)
        {
            var reader = new Utf8JsonReader(_window.Data, _window.Ended, default);
            try
            {
                var complete = parse
                    ? JsonDocument.TryParseValue(ref reader, out document)
                    : reader.Read() && reader.TrySkip();
                if (complete)
                {
                    _window.Advance((int)reader.BytesConsumed);
                    return Outcome.Done;
                }
            }
            catch (JsonException ex)
            {
                error = _window.Ended && IsCut(_window.Data) ? "the input ends inside a JSON value" : $"not valid JSON ({ex.Message})";
                _window.SkipLine();
                return Outcome.Failed;
            }

            if (_window.Ended)
            {
                error = "the input ends inside a JSON value";
                _window.SkipLine();
                return Outcome.Failed;
            }

            if (_window.Full)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"the record is larger than {_maxRecordBytes:N0} bytes");
                _window.SkipLine();
                return Outcome.Failed;
            }

            _window.Fill();
        }
    }

    // At the end of the input a cut value fails as invalid; read as not final, it is only incomplete.
    private static bool IsCut(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data, isFinalBlock: false, default);
        try
        {
            return !reader.Read() || !reader.TrySkip();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// At a top-level object: if it is a search response, consumes it up to its hits array and reads
    /// that array's items as records. False (nothing consumed) when it is not one.
    /// </summary>
    private bool TryEnterSearchResponse(out string? error)
    {
        error = null;
        while (true)
        {
            var reader = new Utf8JsonReader(_window.Data, _window.Ended, default);
            Outcome outcome;
            try
            {
                outcome = SearchResponse.Enter(ref reader, out var isResponse);
                if (outcome == Outcome.Done && !isResponse)
                    return false;
            }
            catch (JsonException)
            {
                return false; // reading it as a record reports the error with its line
            }

            if (outcome == Outcome.Done)
            {
                _window.Advance((int)reader.BytesConsumed);
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    _hitsState = reader.CurrentState;
                    _container = Container.Hits;
                }

                return true;
            }

            if (_window.Ended || _window.Full)
                return false;
            _window.Fill();
        }
    }

    /// <summary>At the ']' that closes the array being read: consumes it, and for a search response the rest of the response.</summary>
    private bool LeaveArray(out string error)
    {
        error = "";
        if (_container == Container.Array)
        {
            _window.Advance(1);
            _container = Container.None;
            return true;
        }

        while (true)
        {
            var reader = new Utf8JsonReader(_window.Data, _window.Ended, _hitsState);
            try
            {
                if (SearchResponse.SkipRest(ref reader))
                {
                    _window.Advance((int)reader.BytesConsumed);
                    _container = Container.None;
                    return true;
                }
            }
            catch (JsonException ex)
            {
                error = $"not valid JSON after the search response's hits ({ex.Message})";
                _container = Container.None;
                _window.SkipLine();
                return false;
            }

            if (_window.Ended || _window.Full)
            {
                error = "the search response ends before its closing brace";
                _container = Container.None;
                _window.SkipLine();
                return false;
            }

            _window.Fill();
        }
    }

    /// <summary>Token walks over an Elasticsearch search response, on a reader over what has been read so far.</summary>
    private static class SearchResponse
    {
        /// <summary>
        /// Done with the reader after the hits array's '[' (or after the whole response when it has no
        /// hits array); Done with <paramref name="isResponse"/> false when the object is not a search
        /// response; Incomplete when more bytes are needed.
        /// </summary>
        public static Outcome Enter(ref Utf8JsonReader reader, out bool isResponse)
        {
            isResponse = false;
            if (!reader.Read() || !reader.Read())
                return Outcome.Incomplete;
            if (reader.TokenType != JsonTokenType.PropertyName || !IsResponseKey(ref reader))
                return Outcome.Done;
            isResponse = true;
            while (reader.TokenType == JsonTokenType.PropertyName)
            {
                var isHits = reader.ValueTextEquals("hits"u8);
                if (!reader.Read())
                    return Outcome.Incomplete;
                if (isHits && reader.TokenType == JsonTokenType.StartObject)
                {
                    var inner = FindHitsArray(ref reader);
                    if (inner != Outcome.Failed)
                        return inner;
                }
                else if (!reader.TrySkip())
                {
                    return Outcome.Incomplete;
                }

                if (!reader.Read())
                    return Outcome.Incomplete;
            }

            return Outcome.Done; // the response's closing brace: no hits array
        }

        /// <summary>From a reader state inside the hits array, at its ']': reads to the end of the response.</summary>
        public static bool SkipRest(ref Utf8JsonReader reader)
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0)
                    return true;
                if (reader.TokenType == JsonTokenType.PropertyName && (!reader.Read() || !reader.TrySkip()))
                    return false;
            }

            return false;
        }

        // Inside "hits": {…}. Done at the inner array's '['; Failed when the object ended without one
        // (the reader is then at its '}'); Incomplete when more bytes are needed.
        private static Outcome FindHitsArray(ref Utf8JsonReader reader)
        {
            while (true)
            {
                if (!reader.Read())
                    return Outcome.Incomplete;
                if (reader.TokenType == JsonTokenType.EndObject)
                    return Outcome.Failed;
                var isHits = reader.ValueTextEquals("hits"u8);
                if (!reader.Read())
                    return Outcome.Incomplete;
                if (isHits && reader.TokenType == JsonTokenType.StartArray)
                    return Outcome.Done;
                if (!reader.TrySkip())
                    return Outcome.Incomplete;
            }
        }

        // Elasticsearch writes these first in a search, scroll or point-in-time response.
        private static bool IsResponseKey(ref Utf8JsonReader reader) =>
            reader.ValueTextEquals("took"u8) || reader.ValueTextEquals("timed_out"u8) || reader.ValueTextEquals("_shards"u8)
            || reader.ValueTextEquals("hits"u8) || reader.ValueTextEquals("_scroll_id"u8) || reader.ValueTextEquals("pit_id"u8)
            || reader.ValueTextEquals("terminated_early"u8) || reader.ValueTextEquals("num_reduce_phases"u8);
    }
}
