namespace ATTT.Monitor.Inputs;

public enum InputWarningKind
{
    /// <summary>A JSON record skipped: not valid JSON, too large, or not an event of the file's shape.</summary>
    BadRecord = 1,

    /// <summary>Damage the EVTX reader skipped, or an archive entry that was not read.</summary>
    Damage = 2,
}
