namespace ATTT.Monitor.Collector.Incidents.Journal;

/// <summary>One row of the incident journal: its position (what a reader's checkpoint counts) and the change.</summary>
public sealed record IncidentJournalEntry(long Seq, IncidentChange Change);
