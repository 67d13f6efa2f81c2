using ATTT.Monitor.Events;

namespace ATTT.Monitor.Collector.Detection;

/// <summary>
/// Reads what ties an event to others of the same attack beyond time: the logon session it ran in
/// (<c>TargetLogonId</c>, <c>SubjectLogonId</c>, Sysmon's <c>LogonId</c>) and its process
/// (<c>ProcessGuid</c>, Sysmon's unique process id). The sessions every service shares (SYSTEM,
/// LOCAL SERVICE, NETWORK SERVICE, none) tie nothing together and are left out, as is the parent
/// process as a link of its own: services.exe or explorer.exe parent every program, so only a
/// child of a process that was itself detected joins its incident. Event text is
/// attacker-controlled: values are accepted only in the shapes Windows writes them.
/// </summary>
internal static class DetectionLinks
{
    private const string SessionPrefix = "logon:";
    private const string ProcessPrefix = "process:";
    private static readonly string[] SessionFields = ["TargetLogonId", "SubjectLogonId", "LogonId"];
    private static readonly HashSet<ulong> SharedSessions = [0x0, 0x3e4, 0x3e5, 0x3e7];

    /// <summary>The event's own links (sessions and process) and its parent process.</summary>
    public static (IReadOnlyList<string> Own, IReadOnlyList<string> Parent) Of(IFieldLookup fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        List<string>? own = null;
        foreach (var name in SessionFields)
        {
            if (fields.TryGetField(name, out var value) && Session(value) is { } session && !(own?.Contains(session) ?? false))
                (own ??= []).Add(session);
        }

        if (fields.TryGetField("ProcessGuid", out var guid) && Process(guid) is { } process)
            (own ??= []).Add(process);
        IReadOnlyList<string> parent = fields.TryGetField("ParentProcessGuid", out var parentGuid) && Process(parentGuid) is { } p ? [p] : [];
        return (own ?? (IReadOnlyList<string>)[], parent);
    }

    /// <summary><c>0x3E7</c> or a decimal LUID, normalised to lower-case hex; null when shared or not a LUID.</summary>
    internal static string? Session(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
            return null;
        ulong luid;
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            if (!ulong.TryParse(text.AsSpan(2), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out luid))
                return null;
        }
        else if (!ulong.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out luid))
        {
            return null;
        }

        return SharedSessions.Contains(luid) ? null : SessionPrefix + "0x" + luid.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A GUID with or without braces, normalised; null when not a GUID or all zeros.</summary>
    internal static string? Process(string? value) =>
        Guid.TryParse(value?.Trim(), out var guid) && guid != Guid.Empty ? ProcessPrefix + guid.ToString("D") : null;
}
