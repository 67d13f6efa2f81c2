using System.Text.Json;
using static ATTT.Monitor.Events.Wire.Agents.AgentProtocolWriter;

namespace ATTT.Monitor.Events.Wire.Agents;

/// <summary>The posture body's optional parts (see <see cref="AgentProtocolWriter.Write(PostureReport)"/>).</summary>
internal static class PostureWriter
{
    public static void Defender(Utf8JsonWriter w, DefenderStatus d)
    {
        w.WriteStartObject("defender");
        Bool(w, "service_running", d.ServiceRunning);
        Bool(w, "realtime_protection", d.RealtimeProtection);
        Bool(w, "antivirus_enabled", d.AntivirusEnabled);
        Text(w, "signature_version", d.SignatureVersion);
        Time(w, "signature_updated_at", d.SignatureUpdatedAt);
        Number(w, "signature_age_days", d.SignatureAgeDays);
        Time(w, "last_quick_scan_at", d.LastQuickScanAt);
        Time(w, "last_full_scan_at", d.LastFullScanAt);
        Number(w, "quick_scan_age_days", d.QuickScanAgeDays);
        Number(w, "full_scan_age_days", d.FullScanAgeDays);
        Bool(w, "tamper_protection", d.TamperProtection);
        if (d.Exclusions is { } e)
        {
            w.WriteStartObject("exclusions");
            Strings(w, "paths", e.Paths);
            Strings(w, "extensions", e.Extensions);
            Strings(w, "processes", e.Processes);
            Strings(w, "added", e.Added);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("exclusions");
        }

        w.WriteEndObject();
    }

    public static void Inventory(Utf8JsonWriter w, PcInventory i)
    {
        w.WriteStartObject("inventory");
        Text(w, "manufacturer", i.Manufacturer);
        Text(w, "model", i.Model);
        Text(w, "cpu", i.CpuName);
        Number(w, "cpu_cores", i.CpuCores);
        Number(w, "cpu_logical_processors", i.CpuLogicalProcessors);
        Number(w, "ram_bytes", i.RamBytes);
        w.WriteStartArray("disks");
        foreach (var disk in i.Disks)
        {
            w.WriteStartObject();
            w.WriteString("drive", disk.Drive);
            Number(w, "size_bytes", disk.SizeBytes);
            Number(w, "free_bytes", disk.FreeBytes);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Text(w, "os_caption", i.OsCaption);
        Text(w, "os_version", i.OsVersion);
        Number(w, "os_build", i.OsBuild);
        Text(w, "os_display_version", i.OsDisplayVersion);
        Number(w, "os_sku", i.OsSku);
        Time(w, "last_update_installed_at", i.LastUpdateInstalledAt);
        Text(w, "last_update_id", i.LastUpdateId);
        if (i.BitLocker is { } volumes)
        {
            w.WriteStartArray("bitlocker");
            foreach (var v in volumes)
            {
                w.WriteStartObject();
                w.WriteString("drive", v.Drive);
                w.WriteString("protection", v.Protection);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
        else
        {
            w.WriteNull("bitlocker");
        }

        if (i.Tpm is { } t)
        {
            w.WriteStartObject("tpm");
            w.WriteBoolean("present", t.Present);
            Bool(w, "enabled", t.Enabled);
            Bool(w, "activated", t.Activated);
            Text(w, "spec_version", t.SpecVersion);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("tpm");
        }

        w.WriteEndObject();
    }

    public static void Certificates(Utf8JsonWriter w, IReadOnlyList<SignatureCertificate> certificates)
    {
        w.WriteStartArray("certificates");
        foreach (var c in certificates)
        {
            w.WriteStartObject();
            w.WriteString("subject", c.Subject);
            w.WriteString("issuer", c.Issuer);
            w.WriteString("serial", c.Serial);
            w.WriteString("thumbprint", c.Thumbprint);
            w.WriteString("not_before", EventTime.Format(c.NotBefore));
            w.WriteString("not_after", EventTime.Format(c.NotAfter));
            Strings(w, "key_usage", c.KeyUsage);
            Strings(w, "extended_key_usage", c.ExtendedKeyUsage);
            Text(w, "issuer_ca", c.IssuerCa);
            Text(w, "profile", c.Profile);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static void Channels(Utf8JsonWriter w, IReadOnlyList<ChannelState> channels)
    {
        w.WriteStartArray("channels");
        foreach (var c in channels)
        {
            w.WriteStartObject();
            w.WriteString("name", c.Name);
            w.WriteString("state", c.State);
            Text(w, "error", c.Error);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
