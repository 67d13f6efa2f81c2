namespace ATTT.Monitor.Collector.Tests.Support;

/// <summary>Captures what the collector writes to stdout and completes when the first line arrives.</summary>
public sealed class FirstLineWriter : StringWriter
{
    private readonly TaskCompletionSource<string> _firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<string> FirstLine => _firstLine.Task;

    public override Task WriteLineAsync(string? value)
    {
        _firstLine.TrySetResult(value ?? "");
        return base.WriteLineAsync(value);
    }

    public override void WriteLine(string? value)
    {
        _firstLine.TrySetResult(value ?? "");
        base.WriteLine(value);
    }
}
