namespace ATTT.Monitor.Evtx.BinXml;

/// <summary>
/// Receives the XML of one record as it is expanded from templates and substitutions, so that
/// consumers (event model, XML/JSON tree) never need XML text in between.
/// </summary>
internal interface IBinXmlVisitor
{
    void StartElement(string name);

    /// <summary>Starts an attribute; its value arrives through <see cref="Literal"/>/<see cref="Value"/>.</summary>
    void Attribute(string name);

    /// <summary>Attributes are done; what follows is element content.</summary>
    void CloseStartElement();

    void Literal(string text);

    /// <summary>A typed substitution value (<see cref="ValueTypes"/>); the span is only valid during the call.</summary>
    void Value(byte type, ReadOnlySpan<byte> data);

    void EndElement();
}
