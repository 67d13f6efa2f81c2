namespace ATTT.Monitor.Evtx.BinXml;

/// <summary>A record's binary XML is damaged; the reader skips the record with a warning.</summary>
internal sealed class BinXmlException : Exception
{
    public BinXmlException(string message) : base(message) { }
    public BinXmlException(string message, Exception inner) : base(message, inner) { }
    public BinXmlException() { }
}
