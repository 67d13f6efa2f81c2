using System.Text;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Sigma.Tests.Support;

/// <summary>
/// A generated Sysmon process-creation event: payload fields in order (a null value is an empty
/// XML element). Keywords also see the provider, channel and computer names.
/// </summary>
internal sealed record GeneratedEvent(IReadOnlyList<(string Name, string? Value)> Fields)
{
    public const string Channel = "Microsoft-Windows-Sysmon/Operational";
    public const string Provider = "Microsoft-Windows-Sysmon";
    public const string Computer = "PC-KETOAN-01";

    public bool TryGet(string name, out string? value)
    {
        foreach (var (n, v) in Fields)
        {
            if (n == name)
            {
                value = v;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>Every text a keyword is searched in.</summary>
    public IEnumerable<string> AllTexts() =>
        Fields.Where(f => f.Value is not null).Select(f => f.Value!).Concat([Provider, Channel, Computer]);

    public EventRecord ToRecord() => new()
    {
        Provider = Provider,
        EventId = 1,
        Channel = Channel,
        Computer = Computer,
        TimeCreated = TestEvents.T0,
        RecordId = 1,
        PayloadKind = EventPayloadKind.EventData,
        Fields = Fields.Select(f => new EventField(f.Name, f.Value)).ToList(),
    };

    public override string ToString()
    {
        var s = new StringBuilder("event {");
        foreach (var (n, v) in Fields) s.Append($" {n}={(v is null ? "<null>" : Show(v))}");
        return s.Append(" }").ToString();
    }

    // Shows invisible and non-ASCII characters so a failing case can be typed back in.
    private static string Show(string v) =>
        "\"" + string.Concat(v.Select(c => c is >= ' ' and < '\u007f' and not '"' and not '\\' ? c.ToString() : $"\\u{(int)c:x4}")) + "\"";
}
