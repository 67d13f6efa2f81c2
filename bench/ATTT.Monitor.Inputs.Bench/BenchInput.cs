namespace ATTT.Monitor.Inputs.Bench;

/// <summary>A row of the benchmark: the files of one format, read <paramref name="Passes"/> times per measurement.</summary>
internal sealed record BenchInput(string Name, IReadOnlyList<string> Files, int Passes)
{
    public long Bytes => Files.Sum(f => new FileInfo(f).Length) * Passes;
}
