using System.Text.Json.Serialization;

namespace ATTT.Monitor.LoadGen;

[JsonSerializable(typeof(Dictionary<string, object?>))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(int))]
internal sealed partial class LoadGenJson : JsonSerializerContext;
