using ATTT.Monitor.Collector.Posture;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Dashboard.Workstations;

/// <summary>
/// A PC as the dashboard lists it: the registry's inventory, its latest antivirus posture (null
/// before the first report) and the derived status and class. Host, OS and product names come from
/// the agent: encode them when shown.
/// </summary>
public sealed record PcSummary(AgentInfo Agent, PostureState? Posture, PcStatus Status, PostureClass Class);
