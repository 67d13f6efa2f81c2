namespace ATTT.Monitor.Agent.Sources;

/// <summary>A resumable position; its string form is what the spool and checkpoint store.</summary>
public interface ISourcePosition
{
    string Serialize();
}
