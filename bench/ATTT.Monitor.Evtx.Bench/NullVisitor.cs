using ATTT.Monitor.Evtx.BinXml;

namespace ATTT.Monitor.Evtx.Bench;

/// <summary>Receives expanded records and does nothing, to time the expansion alone.</summary>
internal sealed class NullVisitor : IRecordVisitor
{
    public long Calls { get; private set; }

    public void Begin() { }
    public void StartElement(string name) => Calls++;
    public void Attribute(string name) => Calls++;
    public void CloseStartElement() { }
    public void Literal(string text) => Calls++;
    public void Value(byte type, ReadOnlySpan<byte> data) => Calls++;
    public void EndElement() { }
}
