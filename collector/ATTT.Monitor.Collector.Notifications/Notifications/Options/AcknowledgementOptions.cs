namespace ATTT.Monitor.Collector.Notifications.Options;

/// <summary>Confirmation links in each mail, and what happens when a critical notice stays unconfirmed.</summary>
public sealed class AcknowledgementOptions
{
    /// <summary>The collector's address as recipients reach it, e.g. https://attt.sangmoc.gov.vn.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>An unconfirmed critical notice is re-sent and escalated after this long.</summary>
    public TimeSpan CriticalTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Requests per minute per client address on the confirmation endpoints.</summary>
    public int RequestsPerMinute { get; set; } = 30;
}
