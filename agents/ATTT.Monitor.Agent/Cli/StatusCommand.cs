using System.Globalization;
using ATTT.Monitor.Agent.Spool;
using ATTT.Monitor.Agent.State;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Agent.Cli;

/// <summary><c>attt-agent status</c>: spool depth, last acknowledged sequence, last error (works while the agent runs).</summary>
internal static class StatusCommand
{
    public static AgentCommand Create() => new(
        "status",
        "Xem hàng đợi, lô được xác nhận cuối và lỗi cuối / Show spool depth, last acknowledged sequence and last error.",
        "attt-agent status --state DIR",
        [new("--state", "DIR", "Thư mục trạng thái của tác tử / The agent's state folder.", Required: true)],
        RunAsync);

    private static async Task<int> RunAsync(ParsedCommand values, CancellationToken ct)
    {
        var directory = new DirectoryInfo(values.FullPath("--state")!);
        if (!directory.Exists)
            throw new AgentUsageException($"The state folder {directory.FullName} does not exist.");
        AgentCheckpoint checkpoint;
        try
        {
            checkpoint = CheckpointStore.Read(Path.Combine(directory.FullName, CheckpointStore.FileName)) ?? new AgentCheckpoint();
        }
        catch (InvalidDataException ex)
        {
            throw new AgentUsageException(ex.Message, ex);
        }

        var spool = DiskSpool.ReadStatistics(Path.Combine(directory.FullName, "spool"), checkpoint.AckedSequence);
        foreach (var line in Lines(checkpoint, spool))
            await values.Output.WriteLineAsync(line.AsMemory(), ct).ConfigureAwait(false);
        return AgentExitCodes.Success;
    }

    internal static IEnumerable<string> Lines(AgentCheckpoint c, SpoolStatistics s)
    {
        yield return Invariant($"hàng đợi / spool depth: {s.DepthEvents} sự kiện / events in {s.DepthBatches} batches, {s.DepthBytes} bytes on disk");
        yield return Invariant($"lô được xác nhận cuối / last acknowledged sequence: {c.AckedSequence}{(c.LastAckAt is { } at ? " at " + EventTime.Format(at) : "")}");
        yield return Invariant($"sự kiện bị bỏ / dropped events: {c.DroppedTotal} total, {c.DroppedPending + c.DroppedAttached} not yet reported");
        yield return c.LastError is null
            ? "lỗi cuối / last error: không có / none"
            : $"lỗi cuối / last error: {c.LastError}{(c.LastErrorAt is { } e ? " at " + EventTime.Format(e) : "")}";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
