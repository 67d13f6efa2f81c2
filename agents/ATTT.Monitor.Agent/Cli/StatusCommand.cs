using System.CommandLine;
using System.Globalization;
using ATTT.Monitor.Agent.Spool;
using ATTT.Monitor.Agent.State;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Agent.Cli;

/// <summary><c>attt-agent status</c>: spool depth, last acknowledged sequence, last error (works while the agent runs).</summary>
public static class StatusCommand
{
    public static Command Create(TextWriter stdout)
    {
        var state = new Option<DirectoryInfo>("--state") { Description = "The agent's state folder.", Required = true };
        var command = new Command("status", "Show spool depth, last acknowledged sequence and last error.") { state };
        command.SetAction(async (parse, ct) =>
        {
            var directory = parse.GetValue(state)!;
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
                await stdout.WriteLineAsync(line.AsMemory(), ct).ConfigureAwait(false);
            return AgentExitCodes.Success;
        });
        return command;
    }

    internal static IEnumerable<string> Lines(AgentCheckpoint c, SpoolStatistics s)
    {
        yield return Invariant($"hàng đợi / spool depth: {s.DepthEvents} sự kiện / events in {s.DepthBatches} batches, {s.DepthBytes} bytes on disk");
        yield return Invariant($"lô được xác nhận cuối / last acknowledged sequence: {c.AckedSequence}{(c.LastAckAt is { } at ? " at " + EventTime.Format(at) : "")}");
        yield return Invariant($"sự kiện bị bỏ / dropped events: {c.DroppedTotal} total, {c.DroppedPending} not yet reported");
        yield return c.LastError is null
            ? "lỗi cuối / last error: không có / none"
            : $"lỗi cuối / last error: {c.LastError}{(c.LastErrorAt is { } e ? " at " + EventTime.Format(e) : "")}";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
