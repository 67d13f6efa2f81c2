namespace ATTT.Monitor.Inputs;

/// <summary>
/// Which files a folder contributes, by name (<see cref="InputFiles.List"/>); a file named on its
/// own is read whatever its name. What a file holds is always told from its content.
/// </summary>
[Flags]
public enum InputKinds
{
    /// <summary><c>.evtx</c></summary>
    Evtx = 1,

    /// <summary><c>.json</c>, <c>.jsonl</c>, <c>.ndjson</c></summary>
    Json = 2,

    /// <summary><c>.zip</c> (each entry is read as a file of its own)</summary>
    Zip = 4,

    All = Evtx | Json | Zip,
}
