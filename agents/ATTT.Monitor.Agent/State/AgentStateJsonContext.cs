using System.Text.Json.Serialization;

namespace ATTT.Monitor.Agent.State;

/// <summary>Source-generated JSON for the state files, so trimming keeps what it needs.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AgentCheckpoint))]
[JsonSerializable(typeof(StoredCredentials))]
internal sealed partial class AgentStateJsonContext : JsonSerializerContext;
