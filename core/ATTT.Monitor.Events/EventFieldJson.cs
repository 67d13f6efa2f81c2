using System.Globalization;
using System.Text.Json;

namespace ATTT.Monitor.Events;

/// <summary>
/// Writes one field's value as a JSON value, the same way for the wire format and the
/// <c>evtx dump</c> shape: a number, boolean or null where the field's kind says so and its text reads
/// exactly as one, otherwise the text as a string, so no value's text is ever lost.
/// </summary>
internal static class EventFieldJson
{
    public static void WriteValue(Utf8JsonWriter writer, EventField field)
    {
        if (field.Value is null || field.Kind == EventValueKind.Null)
        {
            writer.WriteNullValue();
            return;
        }

        switch (field.Kind)
        {
            case EventValueKind.Integer when long.TryParse(field.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n):
                writer.WriteNumberValue(n);
                break;
            case EventValueKind.Integer when ulong.TryParse(field.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var u):
                // UInt64 values above long's range (BITS writes 2^64-1 for "unknown") stay numbers.
                writer.WriteNumberValue(u);
                break;
            case EventValueKind.Float when double.TryParse(field.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d):
                writer.WriteNumberValue(d);
                break;
            case EventValueKind.Boolean when bool.TryParse(field.Value, out var b):
                writer.WriteBooleanValue(b);
                break;
            default:
                writer.WriteStringValue(field.Value);
                break;
        }
    }
}
