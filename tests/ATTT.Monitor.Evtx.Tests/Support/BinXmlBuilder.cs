using System.Buffers.Binary;
using System.Text;

namespace ATTT.Monitor.Evtx.Tests.Support;

/// <summary>
/// Writes binary XML tokens (libevtx's "Binary XML" section, MS-EVEN6) at known chunk offsets, so a
/// test can build exactly the structure it is about. Names are written inline, right after their
/// offset field; element data sizes are filled in when the element ends.
/// </summary>
internal sealed class BinXmlBuilder
{
    private readonly List<byte> _bytes = [];
    private readonly Stack<int> _sizeFields = new();

    /// <param name="chunkOffset">Where in the chunk the first byte written will be.</param>
    public BinXmlBuilder(int chunkOffset) => ChunkOffset = chunkOffset;

    public int ChunkOffset { get; }

    /// <summary>The chunk offset of the next byte.</summary>
    public int Position => ChunkOffset + _bytes.Count;

    public byte[] ToArray() => [.. _bytes];

    public BinXmlBuilder FragmentHeader() => Bytes(0x0f, 0x01, 0x01, 0x00);

    /// <summary>
    /// An open-start-element token; <paramref name="dependencyId"/> null leaves the dependency id out,
    /// as Windows does in some binary XML substitution values.
    /// </summary>
    public BinXmlBuilder StartElement(string name, bool hasAttributes = false, ushort? dependencyId = 0xffff)
    {
        Bytes((byte)(hasAttributes ? 0x41 : 0x01));
        if (dependencyId is { } id)
            UInt16(id);
        _sizeFields.Push(_bytes.Count);
        Int32(0);
        Name(name);
        if (hasAttributes)
            Int32(0);
        return this;
    }

    public BinXmlBuilder CloseStartElement() => Bytes(0x02);

    public BinXmlBuilder CloseEmptyElement() => Bytes(0x03).EndSize();

    public BinXmlBuilder EndElement() => Bytes(0x04).EndSize();

    public BinXmlBuilder Attribute(string name, bool more = false)
    {
        Bytes((byte)(more ? 0x46 : 0x06));
        return Name(name);
    }

    public BinXmlBuilder Text(string text)
    {
        Bytes(0x05, 0x01);
        UInt16((ushort)text.Length);
        return Bytes(Encoding.Unicode.GetBytes(text));
    }

    /// <summary>An optional substitution (token 0x0e) of value <paramref name="index"/>.</summary>
    public BinXmlBuilder Substitution(ushort index, byte type)
    {
        Bytes(0x0e);
        UInt16(index);
        return Bytes(type);
    }

    public BinXmlBuilder EndOfFragment() => Bytes(0x00);

    /// <summary>
    /// A template instance whose definition (<paramref name="body"/>) follows it inline, then its
    /// values; each value is built for the chunk offset it will be at (binary XML values need it).
    /// </summary>
    public BinXmlBuilder TemplateInstance(Func<BinXmlBuilder, BinXmlBuilder> body, params (byte Type, Func<int, byte[]> Data)[] values)
    {
        Bytes(0x0c, 0x01);
        Int32(0x1234);
        Int32(Position + 4);
        Int32(0);
        Bytes(new byte[16]);
        var sizeField = _bytes.Count;
        Int32(0);
        var definition = body(new BinXmlBuilder(Position)).ToArray();
        Bytes(definition);
        BinaryPrimitives.WriteInt32LittleEndian(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_bytes)[sizeField..], definition.Length);
        var offset = Position + 4 + (4 * values.Length);
        var data = new List<byte[]>();
        foreach (var value in values)
        {
            data.Add(value.Data(offset));
            offset += data[^1].Length;
        }

        Int32(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            UInt16((ushort)data[i].Length);
            Bytes(values[i].Type, 0);
        }

        foreach (var bytes in data)
            Bytes(bytes);
        return this;
    }

    private BinXmlBuilder EndSize()
    {
        // The element's data size: from after the size field to the end of the element.
        var field = _sizeFields.Pop();
        var size = _bytes.Count - (field + 4);
        BinaryPrimitives.WriteInt32LittleEndian(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_bytes)[field..], size);
        return this;
    }

    private BinXmlBuilder Name(string name)
    {
        // name offset (4) pointing just past itself, then: next string offset (4), hash (2), count (2), UTF-16, NUL (2)
        Int32(Position + 4);
        Int32(0);
        UInt16(0);
        UInt16((ushort)name.Length);
        Bytes(Encoding.Unicode.GetBytes(name));
        return Bytes(0, 0);
    }

    private BinXmlBuilder Bytes(params byte[] bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    private void UInt16(ushort value) => Bytes((byte)value, (byte)(value >> 8));

    private void Int32(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        Bytes(bytes);
    }
}
