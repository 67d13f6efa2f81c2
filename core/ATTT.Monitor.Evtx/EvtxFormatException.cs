namespace ATTT.Monitor.Evtx;

/// <summary>The file is not an EVTX file at all (no file header and no chunk anywhere).</summary>
public class EvtxFormatException : Exception
{
    public EvtxFormatException(string message) : base(message) { }
    public EvtxFormatException(string message, Exception inner) : base(message, inner) { }
    public EvtxFormatException() { }
}
