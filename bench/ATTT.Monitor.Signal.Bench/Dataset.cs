namespace ATTT.Monitor.Signal.Bench;

/// <summary>A named replay source as attt-agent's <c>--source</c> takes it (<c>evtx:PATH</c>, <c>jsonl:PATH</c>).</summary>
internal sealed record Dataset(string Name, string Source)
{
    public string Path => Source[(Source.IndexOf(':', StringComparison.Ordinal) + 1)..];

    public static Dataset Parse(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || !text[(equals + 1)..].Contains(':', StringComparison.Ordinal))
            throw new ArgumentException($"--dataset '{text}' is not NAME=KIND:PATH (for example otrf1=jsonl:../shared/datasets/otrf/LSASS_campaign_01.zip).");
        return new Dataset(text[..equals], text[(equals + 1)..]);
    }

    /// <summary>The attack samples, and each OTRF campaign (one attack on one PC amid a lab's background noise).</summary>
    public static IEnumerable<Dataset> Defaults(string shared)
    {
        yield return new Dataset("attack-samples", "evtx:" + System.IO.Path.Combine(shared, "evtx", "attack-samples"));
        foreach (var zip in Directory.EnumerateFiles(System.IO.Path.Combine(shared, "datasets", "otrf"), "*.zip").Order(StringComparer.Ordinal))
            yield return new Dataset(System.IO.Path.GetFileNameWithoutExtension(zip), "jsonl:" + zip);
    }
}
