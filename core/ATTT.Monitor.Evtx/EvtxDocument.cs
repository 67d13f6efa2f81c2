using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ATTT.Monitor.Evtx.Rendering;

namespace ATTT.Monitor.Evtx;

/// <summary>
/// One record as its full XML element tree, for rendering as XML or as the JSON shape of the
/// SigmaHQ regression data (<c>{"Event":{"#attributes":…,"System":…,"EventData":…}}</c>).
/// </summary>
public sealed class EvtxDocument
{
    private static readonly JsonWriterOptions Compact = new()
    {
        // Event text is shown to operators in Vietnamese and other scripts; keep it readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    internal EvtxDocument(XmlNode root, long recordId, bool recovered)
    {
        Root = root;
        RecordId = recordId;
        Recovered = recovered;
    }

    /// <summary>The record identifier from the record header.</summary>
    public long RecordId { get; }

    /// <summary>True for a deleted record recovered from chunk slack.</summary>
    public bool Recovered { get; }

    internal XmlNode Root { get; }

    /// <summary>Writes the record as one compact JSON object (for many records, <see cref="EvtxJsonWriter"/> is faster).</summary>
    public void WriteJson(Utf8JsonWriter writer) => JsonRenderer.Write(Root, writer);

    public string ToJson()
    {
        using var json = new EvtxJsonWriter();
        return Encoding.UTF8.GetString(json.Render(this));
    }

    /// <summary>Writes the record's XML on one line (no declaration).</summary>
    public void WriteXml(TextWriter writer) => XmlRenderer.Write(Root, writer);

    public string ToXml()
    {
        using var writer = new StringWriter();
        WriteXml(writer);
        return writer.ToString();
    }

    /// <summary>Options for a <see cref="Utf8JsonWriter"/> that writes dumps as this class does.</summary>
    public static JsonWriterOptions JsonWriterOptions => Compact;
}
