using ATTT.Monitor.Evtx.Rendering;

namespace ATTT.Monitor.Evtx;

/// <summary>
/// Renders records as compact JSON (the shape of <see cref="EvtxDocument.WriteJson(System.Text.Json.Utf8JsonWriter)"/>,
/// the same bytes) into one buffer it reuses from record to record: for dumps of many records.
/// Not thread-safe; one per dump.
/// </summary>
public sealed class EvtxJsonWriter : IDisposable
{
    private readonly JsonEmitter _emitter = new();

    /// <summary>The record as one UTF-8 JSON object, valid until the next call.</summary>
    public ReadOnlySpan<byte> Render(EvtxDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        JsonRenderer.Write(document.Root, _emitter);
        return _emitter.Written;
    }

    public void Dispose() => _emitter.Dispose();
}
