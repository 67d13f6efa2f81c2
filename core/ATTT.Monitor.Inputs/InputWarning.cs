namespace ATTT.Monitor.Inputs;

/// <summary>
/// Something in a file that was skipped while the rest was read: a JSON record that is not valid JSON
/// or not an event (<see cref="InputWarningKind.BadRecord"/>, with its line and number), or damage the
/// EVTX reader reported, or an archive entry that could not be read.
/// </summary>
public sealed record InputWarning(InputWarningKind Kind, string File, string? Entry, long? Line, long? Record, string Message)
{
    /// <summary>One line naming the file, the entry, the line and what was wrong.</summary>
    public override string ToString()
    {
        var where = Entry is null ? File : $"{File} ({Entry})";
        if (Line is { } line)
            where += Record is { } record ? $" line {line} (record {record})" : $" line {line}";
        return $"{where}: {Message}";
    }
}
