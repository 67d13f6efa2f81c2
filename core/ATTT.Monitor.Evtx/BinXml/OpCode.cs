namespace ATTT.Monitor.Evtx.BinXml;

internal enum OpCode : byte
{
    StartElement,
    Attribute,
    CloseStartElement,
    EndElement,
    Literal,
    Substitution,
    TemplateInstance,
}
