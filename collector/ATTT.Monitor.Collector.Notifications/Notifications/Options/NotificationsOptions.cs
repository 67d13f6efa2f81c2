namespace ATTT.Monitor.Collector.Notifications.Options;

/// <summary>
/// Configuration section <c>Notifications</c>: who is told about what, how mail leaves, and the
/// reporting deadlines. Addresses and routing are configuration, never code (BRIEF).
/// </summary>
public sealed class NotificationsOptions
{
    public const string SectionName = "Notifications";

    public List<ContactOptions> Contacts { get; set; } = [];

    public List<RoutingRuleOptions> Routes { get; set; } = [];

    /// <summary>Drill incidents go only here (plus contacts marked as drill participants), never to the authorities.</summary>
    public List<string> DrillRecipients { get; set; } = [];

    /// <summary>Contact ids told when a deadline passes or a critical notice stays unconfirmed.</summary>
    public List<string> EscalationContacts { get; set; } = [];

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where .eml files go when no SMTP host is configured; default DATA/outbox-eml.</summary>
    public string? EmlFolder { get; set; }

    /// <summary>A folder whose template files override the shipped ones (same file names).</summary>
    public string? TemplatesFolder { get; set; }

    /// <summary>How often the template folder is looked at for edits (each edit is checked).</summary>
    public TimeSpan TemplateCheckInterval { get; set; } = TimeSpan.FromSeconds(15);

    public SenderOptions Sender { get; set; } = new();

    public DigestOptions Digest { get; set; } = new();

    public BudgetOptions Budget { get; set; } = new();

    public AcknowledgementOptions Acknowledgement { get; set; } = new();

    /// <summary>Deadlines per incident category; categories not listed use <see cref="DefaultDeadlines"/>.</summary>
    public Dictionary<string, List<DeadlineOptions>> Deadlines { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public List<DeadlineOptions> DefaultDeadlines { get; set; } = [];

    /// <summary>How long before a deadline a reminder goes out.</summary>
    public TimeSpan ReminderBefore { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often the deadline and acknowledgement watcher looks.</summary>
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromMinutes(1);

    public ReportingOrganisationOptions Reporting { get; set; } = new();

    public MonthlyReportOptions MonthlyReport { get; set; } = new();
}
