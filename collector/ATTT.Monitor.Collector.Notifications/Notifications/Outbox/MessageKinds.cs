namespace ATTT.Monitor.Collector.Notifications.Outbox;

/// <summary>Kinds of outbox message; each names its template files.</summary>
internal static class MessageKinds
{
    public const string Notice = "notice";
    public const string Update = "update";
    public const string Reminder = "reminder";
    public const string Escalation = "escalation";
    public const string Digest = "digest";
    public const string Report = "report";

    /// <summary>The messages over a recipient's daily cap, gathered into one.</summary>
    public const string Overflow = "overflow";

    /// <summary>Serious incidents on a PC the authorities already had a notice about, gathered into one follow-up.</summary>
    public const string Related = "related";

    /// <summary>The notice of a personal-data breach to whom routing names for data_breach (the data-protection agency).</summary>
    public const string PersonalData = "personal_data";

    public static IReadOnlyList<string> All { get; } = [Notice, Update, Reminder, Escalation, Digest, Report, Overflow, Related, "monthly", PersonalData];
}
