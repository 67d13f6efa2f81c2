namespace ATTT.Monitor.Agent.Tests.Support;

/// <summary>Lines for <c>jsonl:PATH</c> sources: one record in the shape of <c>attt evtx dump --format json</c>.</summary>
internal static class JsonlEvents
{
    /// <summary>A failed logon (Security 4625) of PC-KETOAN-01 with the given record id.</summary>
    public static string Line(int recordId) =>
        "{\"Event\":{\"System\":{\"Provider\":{\"#attributes\":{\"Name\":\"Microsoft-Windows-Security-Auditing\"}},\"EventID\":4625," +
        $"\"EventRecordID\":{recordId},\"Channel\":\"Security\",\"Computer\":\"PC-KETOAN-01\"," +
        "\"TimeCreated\":{\"#attributes\":{\"SystemTime\":\"2026-11-27T03:14:59.123456Z\"}}},\"EventData\":{\"LogonType\":3}}}";
}
