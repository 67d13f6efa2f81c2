using System.Text.Json;

namespace ATTT.Monitor.Inputs.Json;

/// <summary>
/// One record-sized part of a JSON input: a value (parsed into <see cref="Document"/>, or only
/// delimited when parsing was not asked for), or a part that could not be read (<see cref="Error"/>).
/// <see cref="Line"/> is the 1-based line where it starts.
/// </summary>
internal readonly record struct JsonSlot(JsonDocument? Document, long Line, string? Error);
