using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace ATTT.Monitor.Evtx.BinXml;

/// <summary>
/// Turns a binary XML token stream (a template body or a record's fragment) into a flat list of
/// <see cref="Instruction"/>s. Every read is bounds-checked; damage throws <see cref="BinXmlException"/>.
/// </summary>
internal static class FragmentCompiler
{
    private const int MaxElementDepth = 128;
    private const int MaxNameLength = 256;

    /// <summary>Compiles into <paramref name="code"/> (cleared first), so a caller can reuse one list.</summary>
    public static void Compile(ReadOnlySpan<byte> chunk, int start, int end, NamePool names, List<Instruction> code)
    {
        end = Math.Min(end, chunk.Length);
        code.Clear();
        Span<int> open = stackalloc int[MaxElementDepth];
        var depth = 0;
        var pos = start;
        while (pos < end)
        {
            var token = chunk[pos];
            switch (token & 0xbf)
            {
                case 0x00:
                    pos = end;
                    break;
                case 0x01:
                {
                    // token, [dependency id (2)], data size (4), name offset (4), [inline name], [attribute list size (4)]
                    var header = StartElementHeaderSize(chunk, pos, end);
                    var nameOffset = ReadInt32(chunk, pos + header, end);
                    pos += header + 4;
                    var name = ReadName(chunk, nameOffset, names, out var nameSize);
                    if (nameOffset == pos)
                        pos += nameSize;
                    if ((token & 0x40) != 0)
                        pos += 4;
                    if (depth == MaxElementDepth)
                        throw new BinXmlException("elements nested too deeply");
                    open[depth++] = code.Count;
                    code.Add(new Instruction(OpCode.StartElement, name, -1, 0));
                    break;
                }

                case 0x02:
                    pos++;
                    code.Add(new Instruction(OpCode.CloseStartElement, null, 0, 0));
                    break;
                case 0x03:
                case 0x04:
                    pos++;
                    if (depth == 0)
                        throw new BinXmlException("end of an element that was not opened");
                    if (token == 0x03)
                        code.Add(new Instruction(OpCode.CloseStartElement, null, 0, 0));
                    var startIndex = open[--depth];
                    code[startIndex] = code[startIndex] with { Index = code.Count };
                    code.Add(new Instruction(OpCode.EndElement, null, startIndex, 0));
                    break;
                case 0x05:
                {
                    var type = ReadByte(chunk, pos + 1, end);
                    if (type != ValueTypes.String)
                        throw new BinXmlException($"unsupported literal value type 0x{type:x2}");
                    var count = ReadUInt16(chunk, pos + 2, end);
                    pos += 4;
                    code.Add(new Instruction(OpCode.Literal, names.Get(Slice(chunk, pos, count * 2, end)), 0, 0));
                    pos += count * 2;
                    break;
                }

                case 0x06:
                case 0x09:
                case 0x0a:
                {
                    var nameOffset = ReadInt32(chunk, pos + 1, end);
                    pos += 5;
                    var name = ReadName(chunk, nameOffset, names, out var nameSize);
                    if (nameOffset == pos)
                        pos += nameSize;
                    if ((token & 0xbf) == 0x06)
                        code.Add(new Instruction(OpCode.Attribute, name, 0, 0));
                    else if ((token & 0xbf) == 0x09)
                        code.Add(new Instruction(OpCode.Literal, Entity(name), 0, 0));
                    break;
                }

                case 0x07:
                case 0x0b:
                {
                    var count = ReadUInt16(chunk, pos + 1, end);
                    pos += 3;
                    var text = names.Get(Slice(chunk, pos, count * 2, end));
                    pos += count * 2;
                    if ((token & 0xbf) == 0x07)
                        code.Add(new Instruction(OpCode.Literal, text, 0, 0));
                    break;
                }

                case 0x08:
                {
                    var c = ReadUInt16(chunk, pos + 1, end);
                    pos += 3;
                    code.Add(new Instruction(OpCode.Literal, ((char)c).ToString(), 0, 0));
                    break;
                }

                case 0x0c:
                    pos = CompileTemplateInstance(chunk, pos, end, code);
                    break;
                case 0x0d:
                case 0x0e:
                {
                    var id = ReadUInt16(chunk, pos + 1, end);
                    ReadByte(chunk, pos + 3, end);
                    pos += 4;
                    code.Add(new Instruction(OpCode.Substitution, null, id, token == 0x0e ? 1 : 0));
                    // Note it in the enclosing element (its index if it is the only one there, -1 if
                    // there are several): only such an element can be repeated by an array value,
                    // so the expander looks for arrays in it alone, and mostly at one place.
                    if (depth > 0)
                    {
                        var element = open[depth - 1];
                        code[element] = code[element] with { Aux = code[element].Aux == 0 ? code.Count - 1 : -1 };
                    }
                    break;
                }

                case 0x0f:
                    pos += 4;
                    break;
                default:
                    throw new BinXmlException($"unknown binary XML token 0x{token:x2} at chunk offset {pos}");
            }
        }

        if (depth != 0)
            throw new BinXmlException("binary XML ends inside an element");
    }

    /// <summary>
    /// The bytes before an open-start-element token's name offset: 7, or 5 when the element has no
    /// dependency id. Windows leaves the id out in some binary XML held in a substitution value
    /// (CAPI2's UserData, event 70), and nothing flags it. As libfwevt does, the four bytes after
    /// the token tell: without an id they are the element's data size, which fits in what is left of
    /// the fragment; with one they are the id and the low half of the size, a number of at least
    /// 65,536 (a size is never a multiple of 65,536), larger than any chunk offset.
    /// </summary>
    private static int StartElementHeaderSize(ReadOnlySpan<byte> chunk, int pos, int end)
    {
        var size = (uint)ReadInt32(chunk, pos + 1, end);
        return size <= (uint)(end - pos - 5) ? 5 : 7;
    }

    private static int CompileTemplateInstance(ReadOnlySpan<byte> chunk, int pos, int end, List<Instruction> code)
    {
        // token, unknown (1), template id (4), definition offset (4), [inline definition], values block
        var definition = ReadInt32(chunk, pos + 6, end);
        pos += 10;
        if (definition == pos)
        {
            // next offset (4), GUID (16), data size (4), body
            var size = ReadInt32(chunk, pos + 20, end);
            if (size < 0 || size > end - pos)
                throw new BinXmlException("template definition size out of range");
            pos += 24 + size;
        }

        var values = pos;
        var count = ReadInt32(chunk, pos, end);
        if (count < 0 || count > (end - pos) / 4)
            throw new BinXmlException("substitution count out of range");
        pos += 4;
        long total = 0;
        for (var i = 0; i < count; i++)
            total += ReadUInt16(chunk, pos + (i * 4), end);
        pos += (count * 4) + (int)Math.Min(total, int.MaxValue / 2);
        if (pos > end)
            throw new BinXmlException("substitution values run past the record");
        code.Add(new Instruction(OpCode.TemplateInstance, null, definition, values));
        return pos;
    }

    private static string Entity(string name) => name switch
    {
        "lt" => "<",
        "gt" => ">",
        "amp" => "&",
        "quot" => "\"",
        "apos" => "'",
        _ => "&" + name + ";",
    };

    private static string ReadName(ReadOnlySpan<byte> chunk, int offset, NamePool names, out int size)
    {
        // next string offset (4), hash (2), character count (2), UTF-16 characters, NUL (2)
        if (offset < 0 || offset > chunk.Length - 8)
            throw new BinXmlException($"name offset {offset} out of range");
        var count = BinaryPrimitives.ReadUInt16LittleEndian(chunk[(offset + 6)..]);
        size = 8 + (count * 2) + 2;
        // Real names are short; a damaged one is cut, so garbage cannot cost 128 KB per name.
        return names.Get(Slice(chunk, offset + 8, Math.Min((int)count, MaxNameLength) * 2, chunk.Length));
    }

    // Every read of the chunk goes through here: small enough to inline, with the throw kept apart.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> chunk, int offset, int length, int end)
    {
        if (offset < 0 || length < 0 || offset > end - length)
            ThrowPastBounds(offset, length);
        return chunk.Slice(offset, length);
    }

    [DoesNotReturn]
    private static void ThrowPastBounds(int offset, int length) =>
        throw new BinXmlException($"data at {offset} (+{length}) runs past its bounds");

    private static byte ReadByte(ReadOnlySpan<byte> chunk, int offset, int end) => Slice(chunk, offset, 1, end)[0];

    private static int ReadUInt16(ReadOnlySpan<byte> chunk, int offset, int end) =>
        BinaryPrimitives.ReadUInt16LittleEndian(Slice(chunk, offset, 2, end));

    public static int ReadInt32(ReadOnlySpan<byte> chunk, int offset, int end) =>
        BinaryPrimitives.ReadInt32LittleEndian(Slice(chunk, offset, 4, end));
}
