namespace ATTT.Monitor.Evtx.BinXml;

/// <summary>A visitor that is reset before each record.</summary>
internal interface IRecordVisitor : IBinXmlVisitor
{
    void Begin();
}
