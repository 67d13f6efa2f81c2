using System.Text.Json.Serialization;

namespace ATTT.Monitor.LoadGen;

[JsonSerializable(typeof(Dictionary<string, object?>))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(string))]
internal sealed partial class LoadGenJson : JsonSerializerContext;
