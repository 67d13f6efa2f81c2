namespace ATTT.Monitor.Collector.Dashboard.Localization;

internal static partial class TextsEn
{
    // Texts of a PC's detection evidence and silence.
    private static Dictionary<string, string> Signal => new()
    {
        ["Pcs.Evidence"] = "Evidence (low, no incident)",
        ["Pcs.EvidenceHelp"] = "Low and informational detections on this PC: they open no incident by themselves but help to understand a later one. Newest first.",
        ["Pcs.NoEvidence"] = "No evidence recorded on this PC yet.",
        ["Pcs.EvidenceInIncident"] = "in incident #{0}",
        ["Pcs.EvidencePaging"] = "Evidence pages",
        ["Pcs.NewerEvidence"] = "← Newer",
        ["Pcs.OlderEvidence"] = "Older →",
        ["Pcs.Silence"] = "Agent contact",
        ["Pcs.SilentInHours"] = "Silent in working hours since {0}: check that the PC is on and its agent running.",
        ["Pcs.SilentOutOfHours"] = "No data since {0}, outside working hours: normal if the PC is switched off.",
        ["Pcs.SilentHasIncident"] = "A whole working day without contact: a low incident is open.",
        ["Pcs.Reporting"] = "The PC is reporting normally.",
        ["Pcs.SilenceChecked"] = "Checked at {0}.",
    };
}
