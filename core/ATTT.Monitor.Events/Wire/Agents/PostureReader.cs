namespace ATTT.Monitor.Events.Wire.Agents;

/// <summary>The posture body's parts, read strictly (see <see cref="AgentProtocolReader"/>).</summary>
internal static class PostureReader
{
    public static PostureReport Read(WireObject o) => new(
        o.RequiredString("agent_id"),
        o.Time("observed_at") ?? throw o.Missing("observed_at"),
        o.Objects("antivirus", PostureReport.MaxProducts, Product) ?? throw o.Error("antivirus", "must be an array (empty when no product is registered)"),
        o.Object("defender") is { } d ? Defender(d) : null,
        o.Object("inventory") is { } i ? Inventory(i) : null,
        o.Objects("certificates", SignatureCertificate.MaxPerReport, Certificate),
        o.Objects("channels", ChannelState.MaxChannels, Channel));

    private static AntivirusProduct Product(WireObject p) => new(
        p.RequiredString("product"), p.Int64("product_state"), p.Bool("enabled") ?? false, p.Bool("realtime") ?? false,
        p.Bool("definitions_up_to_date"), p.String("path"));

    private static DefenderStatus Defender(WireObject d) => new(
        d.Bool("service_running"), d.Bool("realtime_protection"), d.Bool("antivirus_enabled"), d.String("signature_version"),
        d.Time("signature_updated_at"), d.Int32("signature_age_days"), d.Time("last_quick_scan_at"), d.Time("last_full_scan_at"),
        d.Bool("tamper_protection"), d.Int32("quick_scan_age_days"), d.Int32("full_scan_age_days"),
        d.Object("exclusions") is { } e ? Exclusions(e) : null);

    private static DefenderExclusions Exclusions(WireObject e) => new(
        e.Strings("paths", DefenderExclusions.MaxPerKind) ?? [],
        e.Strings("extensions", DefenderExclusions.MaxPerKind) ?? [],
        e.Strings("processes", DefenderExclusions.MaxPerKind) ?? [],
        e.Strings("added", DefenderExclusions.MaxPerKind * 3, WireObject.MaxText + 16) ?? []);

    private static PcInventory Inventory(WireObject i) => new(
        i.String("manufacturer"), i.String("model"), i.String("cpu"), i.Int32("cpu_cores"), i.Int32("cpu_logical_processors"),
        i.Count("ram_bytes"),
        i.Objects("disks", PcInventory.MaxDisks, d => new DiskSpace(d.RequiredString("drive"), d.Count("size_bytes"), d.Count("free_bytes"))) ?? [],
        i.String("os_caption"), i.String("os_version"), i.Int32("os_build"), i.String("os_display_version"), i.Int32("os_sku"),
        i.Time("last_update_installed_at"), i.String("last_update_id"),
        i.Objects("bitlocker", PcInventory.MaxDisks, BitLocker),
        i.Object("tpm") is { } t ? new TpmState(t.Bool("present") ?? throw t.Missing("present"), t.Bool("enabled"), t.Bool("activated"), t.String("spec_version")) : null);

    private static BitLockerVolume BitLocker(WireObject b)
    {
        var protection = b.RequiredString("protection");
        return protection is BitLockerVolume.On or BitLockerVolume.Off or BitLockerVolume.Unknown
            ? new BitLockerVolume(b.RequiredString("drive"), protection)
            : throw b.Error("protection", "must be on, off or unknown");
    }

    private static SignatureCertificate Certificate(WireObject c) => new(
        c.RequiredString("subject"), c.RequiredString("issuer"), c.RequiredString("serial"), c.RequiredString("thumbprint"),
        c.Time("not_before") ?? throw c.Missing("not_before"), c.Time("not_after") ?? throw c.Missing("not_after"),
        c.Strings("key_usage", 16, 64) ?? [], c.Strings("extended_key_usage", 32, 128) ?? [], c.String("issuer_ca"), c.String("profile"));

    private static ChannelState Channel(WireObject c)
    {
        var state = c.RequiredString("state");
        return state is ChannelState.Ok or ChannelState.Missing or ChannelState.Failed
            ? new ChannelState(c.RequiredString("name"), state, c.String("error"))
            : throw c.Error("state", "must be ok, missing or error");
    }
}
