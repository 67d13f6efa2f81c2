namespace ATTT.Monitor.Inputs;

/// <summary>What a file's first bytes say it is (<see cref="InputFiles.Detect(string)"/>).</summary>
public enum InputFileKind
{
    Unknown = 0,
    Evtx = 1,
    Json = 2,
    Zip = 3,
}
