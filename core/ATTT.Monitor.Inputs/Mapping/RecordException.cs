namespace ATTT.Monitor.Inputs.Mapping;

/// <summary>A JSON record that is not an event of its file's shape; the message names the field at fault.</summary>
internal sealed class RecordException : Exception
{
    public RecordException(string message) : base(message) { }
    public RecordException(string message, Exception inner) : base(message, inner) { }
    public RecordException() { }

    public static RecordException BadValue(string field, System.Text.Json.JsonElement value)
    {
        var text = value.ValueKind == System.Text.Json.JsonValueKind.String ? JsonValues.Scalar(value) : value.GetRawText();
        if (text is { Length: > 64 })
            text = text[..64] + "…";
        return new RecordException($"{field} \"{text}\" is not valid");
    }
}
