using System.Text.Json.Serialization;

namespace ATTT.Monitor.Collector.Storage.Agents;

/// <summary>Source-generated JSON for the registry's small JSON columns (no reflection).</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class AgentRegistryJson : JsonSerializerContext;
