using System.Globalization;

namespace ATTT.Monitor.Events;

/// <summary>
/// The names by which Sigma rules and the product refer to the System part of an event.
/// <c>Provider_Name</c> is the SigmaHQ spelling of System/Provider/@Name.
/// </summary>
public static class SystemFields
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "EventID", "Provider_Name", "Provider_Guid", "EventSourceName", "Channel", "Computer",
        "Level", "Task", "Opcode", "Keywords", "Version", "EventRecordID", "ProcessID", "ThreadID",
        "UserID", "ActivityID", "RelatedActivityID", "TimeCreated", "Qualifiers",
    ];

    public static bool TryGet(EventRecord e, string name, StringComparison comparison, out string? value)
    {
        value = null;
        if (Is(name, "EventID", comparison)) { value = e.EventId.ToString(CultureInfo.InvariantCulture); return true; }
        if (Is(name, "Channel", comparison)) { value = e.Channel; return true; }
        if (Is(name, "Provider_Name", comparison)) { value = e.Provider; return true; }
        if (Is(name, "Computer", comparison)) { value = e.Computer; return true; }
        if (Is(name, "Provider_Guid", comparison)) return Optional(e.ProviderGuid, out value);
        if (Is(name, "EventSourceName", comparison)) return Optional(e.EventSourceName, out value);
        if (Is(name, "Level", comparison)) return Optional(e.Level, out value);
        if (Is(name, "Task", comparison)) return Optional(e.Task, out value);
        if (Is(name, "Opcode", comparison)) return Optional(e.Opcode, out value);
        if (Is(name, "Keywords", comparison)) return Optional(e.Keywords, out value);
        if (Is(name, "Version", comparison)) return Optional(e.Version, out value);
        if (Is(name, "EventRecordID", comparison)) { value = e.RecordId.ToString(CultureInfo.InvariantCulture); return true; }
        if (Is(name, "ProcessID", comparison)) return Optional(e.ProcessId, out value);
        if (Is(name, "ThreadID", comparison)) return Optional(e.ThreadId, out value);
        if (Is(name, "UserID", comparison)) return Optional(e.UserId, out value);
        if (Is(name, "ActivityID", comparison)) return Optional(e.ActivityId, out value);
        if (Is(name, "RelatedActivityID", comparison)) return Optional(e.RelatedActivityId, out value);
        if (Is(name, "Qualifiers", comparison)) return Optional(e.Qualifiers, out value);
        if (Is(name, "TimeCreated", comparison))
        {
            value = EventTime.Format(e.TimeCreated);
            return true;
        }

        return false;
    }

    private static bool Is(string name, string candidate, StringComparison comparison) =>
        string.Equals(name, candidate, comparison);

    private static bool Optional(string? source, out string? value)
    {
        value = source;
        return source is not null;
    }

    private static bool Optional(int? source, out string? value)
    {
        value = source?.ToString(CultureInfo.InvariantCulture);
        return source is not null;
    }
}
