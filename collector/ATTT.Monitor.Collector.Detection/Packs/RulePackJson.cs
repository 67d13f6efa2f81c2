using System.Text.Json;
using System.Text.Json.Serialization;

namespace ATTT.Monitor.Collector.Packs;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RulePackManifest))]
[JsonSerializable(typeof(RuleTuning))]
internal sealed partial class RulePackJson : JsonSerializerContext;
