using System.Text.Json;

namespace ATTT.Monitor.Agent.State;

/// <summary>
/// The agent's checkpoint file (<c>checkpoint.json</c> in the state folder). Every change is written
/// at once, crash-safe (<see cref="AtomicFile"/>); callers change it only through <see cref="Update"/>
/// so concurrent loops (reader, sender) never lose each other's changes.
/// </summary>
internal sealed class CheckpointStore
{
    public const string FileName = "checkpoint.json";
    private readonly Lock _gate = new();
    private AgentCheckpoint _current;

    private CheckpointStore(string path, AgentCheckpoint current)
    {
        FilePath = path;
        _current = current;
    }

    public string FilePath { get; }

    public AgentCheckpoint Current
    {
        get
        {
            lock (_gate)
                return _current;
        }
    }

    public static CheckpointStore Open(string stateDirectory)
    {
        Directory.CreateDirectory(stateDirectory);
        var path = Path.Combine(stateDirectory, FileName);
        return new CheckpointStore(path, Read(path) ?? new AgentCheckpoint());
    }

    /// <summary>Reads a checkpoint file without opening it for writing (for <c>status</c>).</summary>
    public static AgentCheckpoint? Read(string path)
    {
        var bytes = AtomicFile.TryReadAllBytes(path);
        if (bytes is null)
            return null;
        try
        {
            return StateFileJson.ReadCheckpoint(bytes);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The checkpoint file {path} is damaged: {ex.Message}", ex);
        }
    }

    public AgentCheckpoint Update(Func<AgentCheckpoint, AgentCheckpoint> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            var next = change(_current);
            if (next == _current)
                return next;
            AtomicFile.WriteAllBytes(FilePath, StateFileJson.Write(next));
            _current = next;
            return next;
        }
    }
}
