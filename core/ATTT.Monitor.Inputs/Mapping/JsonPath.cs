using System.Text.Json;

namespace ATTT.Monitor.Inputs.Mapping;

/// <summary>
/// Finds <c>a.b.c</c> in a document whether it is nested (<c>{"a":{"b":{"c":…}}}</c>), flat with dotted
/// keys (<c>{"a.b.c":…}</c>, as some exports write) or a mix of both.
/// </summary>
internal static class JsonPath
{
    public static bool TryFind(JsonElement element, ReadOnlySpan<char> path, out JsonElement value)
    {
        value = default;
        if (element.ValueKind != JsonValueKind.Object)
            return false;
        if (element.TryGetProperty(path, out value))
            return true;
        for (var dot = path.IndexOf('.'); dot > 0; dot = Next(path, dot))
        {
            if (element.TryGetProperty(path[..dot], out var child) && TryFind(child, path[(dot + 1)..], out value))
                return true;
        }

        value = default;
        return false;
    }

    private static int Next(ReadOnlySpan<char> path, int dot)
    {
        var next = path[(dot + 1)..].IndexOf('.');
        return next < 0 ? -1 : dot + 1 + next;
    }
}
