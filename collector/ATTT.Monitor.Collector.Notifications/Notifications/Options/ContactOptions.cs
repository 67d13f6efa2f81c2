namespace ATTT.Monitor.Collector.Notifications.Options;

/// <summary>A person or mailbox that may be told about incidents.</summary>
public sealed class ContactOptions
{
    /// <summary>Stable id used by routes, e.g. <c>congan-tinh</c>.</summary>
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    /// <summary>police, dost, commune, it, data_protection, other.</summary>
    public string Role { get; set; } = "other";

    /// <summary>An authority (Công an tỉnh, Sở KH&amp;CN, data-protection agency): notices to it carry "[TBSC]".</summary>
    public bool IsAuthority { get; set; }
}
