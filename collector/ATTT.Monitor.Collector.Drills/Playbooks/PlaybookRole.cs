namespace ATTT.Monitor.Collector.Playbooks;

/// <summary>Who acts in a playbook (cán bộ CNTT, lãnh đạo xã, đầu mối Công an tỉnh, ...).</summary>
public sealed record PlaybookRole(string Id, string Name, string? Description);
