using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Collector.Dashboard;

/// <summary>
/// Every field of a stored event as (name, value) pairs for display: System fields first, then the
/// EventData/UserData values. Values are attacker-controlled; the pages encode them as text.
/// </summary>
internal static class EventFieldList
{
    public static IEnumerable<(string Name, string Value)> Of(StoredEvent stored)
    {
        var e = stored.Event;
        foreach (var name in SystemFields.Names)
        {
            if (SystemFields.TryGet(e, name, StringComparison.Ordinal, out var value) && value is not null)
                yield return (name, value);
        }

        if (e.UserDataName is not null)
            yield return ("UserData", e.UserDataName);
        for (var i = 0; i < e.Fields.Count; i++)
        {
            var field = e.Fields[i];
            yield return (field.Name.Length == 0 ? $"Data[{i}]" : field.Name, field.Value ?? "");
        }
    }
}
