using System.Text.Json;

namespace ATTT.Monitor.Agent.Posture.Certificates;

/// <summary>
/// The Vietnamese digital-signature CAs the agent recognises as issuers, read from data
/// (<c>vn-signature-issuers.json</c>, built into the agent), never from code: a provider licensed
/// later is one line in that file. A bad file is an error naming the entry.
/// </summary>
public sealed class IssuerCatalog
{
    private const string ResourceName = "ATTT.Monitor.Agent.Posture.Certificates.vn-signature-issuers.json";
    private readonly List<(string Name, string[] Match)> _issuers;

    private IssuerCatalog(List<(string Name, string[] Match)> issuers) => _issuers = issuers;

    public IReadOnlyList<string> Names => _issuers.Select(i => i.Name).ToList();

    /// <summary>The catalogue shipped in the agent.</summary>
    public static IssuerCatalog Default()
    {
        using var stream = typeof(IssuerCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The agent's issuer list ({ResourceName}) is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Parse(copy.ToArray(), ResourceName);
    }

    public static IssuerCatalog Parse(ReadOnlyMemory<byte> json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var list = new List<(string, string[])>();
            var i = 0;
            foreach (var entry in document.RootElement.GetProperty("issuers").EnumerateArray())
            {
                var name = entry.GetProperty("name").GetString();
                var match = entry.GetProperty("match").EnumerateArray().Select(m => m.GetString() ?? "").Where(m => m.Length > 0).ToArray();
                if (string.IsNullOrWhiteSpace(name) || match.Length == 0)
                    throw new FormatException($"{source}: issuers[{i}] needs a name and at least one 'match' text.");
                list.Add((name, match));
                i++;
            }

            return new IssuerCatalog(list);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"{source} is not a valid issuer list: {ex.Message}", ex);
        }
    }

    /// <summary>The recognised CA whose name appears in <paramref name="issuerName"/>, or null.</summary>
    public string? Recognise(string issuerName)
    {
        ArgumentNullException.ThrowIfNull(issuerName);
        foreach (var (name, match) in _issuers)
        {
            if (match.Any(m => issuerName.Contains(m, StringComparison.OrdinalIgnoreCase)))
                return name;
        }

        return null;
    }
}
