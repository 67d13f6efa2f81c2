using ATTT.Monitor.Agent.Sources;
using ATTT.Monitor.Agent.Tests.Support;
using ATTT.Monitor.Inputs;
using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Agent.Tests.Sources;

/// <summary><c>jsonl:PATH</c>: JSON-lines files record by record, bad lines logged with their number and skipped, resumed exactly, paced.</summary>
public sealed class JsonlReplayTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly RecordingLogger _log = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Every_record_of_every_file_is_replayed_in_file_order_with_its_number_as_position()
    {
        Write("b/second.jsonl", JsonlEvents.Line(3), JsonlEvents.Line(4));
        Write("a.jsonl", JsonlEvents.Line(1), "", JsonlEvents.Line(2));
        File.WriteAllText(_folder.Combine("notes.txt"), "not replayed");

        var events = Read(null);

        Assert.Equal([1L, 2L, 3L, 4L], events.Select(e => e.Event.RecordId));
        Assert.Equal("Security", events[0].Event.Channel);
        Assert.Equal(4625, events[0].Event.EventId);
        Assert.Equal(["a.jsonl:1", "a.jsonl:2", "b/second.jsonl:1", "b/second.jsonl:2"], events.Select(Where));
        Assert.Empty(_log.Entries);
    }

    [Fact]
    public void A_malformed_line_is_logged_with_its_number_and_the_rest_still_read()
    {
        Write("x.jsonl", JsonlEvents.Line(1), "{\"Event\": not json", "{\"Event\":{}}", JsonlEvents.Line(4));

        var events = Read(null);

        Assert.Equal([1L, 4L], events.Select(e => e.Event.RecordId));
        var warnings = _log.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains("line 2", warnings[0], StringComparison.Ordinal);
        Assert.Contains("line 3", warnings[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Resuming_yields_exactly_the_rest_and_lines_before_the_point_are_not_parsed_again()
    {
        Write("a.jsonl", JsonlEvents.Line(1), "{broken", JsonlEvents.Line(3));
        Write("b.jsonl", JsonlEvents.Line(4), JsonlEvents.Line(5));
        var all = Read(null);
        _log.Entries.Clear();

        var rest = Read(all[1].Position.Serialize()); // after a.jsonl record 3 (line 3)

        Assert.Equal([4L, 5L], rest.Select(e => e.Event.RecordId));
        Assert.Empty(_log.Entries); // the broken record 2 was passed over unparsed, so not reported twice

        var tail = Read(new ReplayPosition("b.jsonl", 1).Serialize());
        Assert.Equal([5L], tail.Select(e => e.Event.RecordId));
    }

    [Fact]
    public void The_replay_is_held_to_the_given_rate()
    {
        Write("a.jsonl", Enumerable.Range(1, 11).Select(JsonlEvents.Line).ToArray());
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var events = Read(null, eventsPerSecond: 20);

        Assert.Equal(11, events.Count);
        // Eleven events at 20 per second: the last is due 500 ms after the first.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(400), $"took {clock.Elapsed}");
    }

    private static string Where(SourcedEvent e)
    {
        var position = (ReplayPosition)e.Position;
        return $"{position.File}:{position.Records}";
    }

    private void Write(string relative, params string[] lines)
    {
        var path = _folder.Combine(relative.Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllLines(path, lines);
    }

    private List<SourcedEvent> Read(string? resume, double eventsPerSecond = 0) =>
        SourceReading.ReadAll(new ReplaySource(_folder.Path, InputKinds.Json | InputKinds.Zip, eventsPerSecond, _log), resume);
}
