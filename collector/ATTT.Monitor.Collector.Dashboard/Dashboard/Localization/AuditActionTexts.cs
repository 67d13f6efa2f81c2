namespace ATTT.Monitor.Collector.Dashboard.Localization;

/// <summary>
/// Words for the audit log's action codes (<c>assigned</c>, <c>state_changed</c>, ...), under the
/// text key <c>Audit.</c> + code. A code without a text is shown as it is, never hidden; a test
/// drives every incident command and checks each code it writes has a text in both languages.
/// </summary>
internal static class AuditActionTexts
{
    public const string Prefix = "Audit.";

    public static string Key(string action) => Prefix + action;

    public static string Describe(DashboardText texts, string action)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts.Texts.TryGetValue(Key(action), out var text) ? text : action;
    }
}
