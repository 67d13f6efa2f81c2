using System.Runtime.CompilerServices;
using ATTT.Monitor.Evtx.BinXml;

namespace ATTT.Monitor.Evtx.Model;

/// <summary>
/// Hands the expansion to an <see cref="EventRecordBuilder"/> as a struct, so the expander is
/// compiled for this visitor with direct calls (see <see cref="BinXmlExpander"/>).
/// </summary>
internal readonly struct EventRecordVisitor(EventRecordBuilder builder) : IRecordVisitor
{
    public void Begin() => builder.Begin();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StartElement(string name) => builder.StartElement(name);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Attribute(string name) => builder.Attribute(name);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CloseStartElement() => builder.CloseStartElement();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Literal(string text) => builder.Literal(text);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Value(byte type, ReadOnlySpan<byte> data) => builder.Value(type, data);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EndElement() => builder.EndElement();
}
