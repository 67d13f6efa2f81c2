using System.Buffers.Binary;

namespace ATTT.Monitor.Evtx.BinXml;

/// <summary>
/// Expands the binary XML of records of one chunk into <see cref="IBinXmlVisitor"/> calls. Template
/// bodies are compiled once per chunk and cached by their offset; the cache is dropped with the chunk,
/// so memory stays flat. A work budget per record bounds what a hostile file can make it do.
/// The visitor is a type parameter: with a struct visitor the JIT compiles a copy of the expansion
/// for it, so its calls are direct (and small ones inlined) instead of interface dispatch per node.
/// </summary>
internal sealed class BinXmlExpander
{
    private const int MaxNesting = 16;
    // Templates let a few bytes expand to much XML, which a hostile file can abuse (one
    // substitution referenced a thousand times). Work is counted in units: one per instruction
    // and one per 16 bytes of value. Real records use a few hundred units, real chunks a few
    // hundred thousand; these limits bound time and memory per chunk whatever the file holds.
    private const int WorkBudgetPerRecord = 200_000;
    private const int WorkBudgetPerChunk = 1_000_000;
    private static readonly Substitution[] NoSubstitutions = [];

    private readonly Dictionary<int, Instruction[]> _templates = [];
    // Templates the current record compiled, so that expanding it again can compile (and pay for) them again.
    private readonly List<int> _compiledByRecord = [];
    private readonly List<Instruction> _recordCode = new(16);
    // Scratch lists reused for every compilation, so that a template costs one exact-size array and
    // nested binary XML none (growing a fresh list was a third of the bytes reading allocated).
    private readonly List<Instruction> _templateCode = new(256);
    private readonly List<Instruction>?[] _nestedCode = new List<Instruction>?[MaxNesting + 1];
    private readonly Substitution[][] _substitutions = new Substitution[MaxNesting + 1][];
    private readonly NamePool _names = new();
    private byte[] _chunk = [];
    private int _length;
    private int _budget;
    private int _chunkBudget;

    public void ResetChunk(byte[] chunk, int length)
    {
        _chunk = chunk;
        _length = length;
        _templates.Clear();
        _chunkBudget = WorkBudgetPerChunk;
    }

    /// <summary>More of the current chunk has been read: <paramref name="length"/> bytes are valid now.</summary>
    public void ExtendChunk(int length) => _length = length;

    /// <summary>
    /// Puts the chunk's state back as it was before the last record was expanded (its templates out of
    /// the cache, the chunk's budget as <paramref name="chunkBudget"/>), to expand that record again.
    /// </summary>
    public void UndoRecord(int chunkBudget)
    {
        foreach (var definition in _compiledByRecord)
            _templates.Remove(definition);
        _compiledByRecord.Clear();
        _chunkBudget = chunkBudget;
    }

    /// <summary>What the current chunk may still expand to, for <see cref="UndoRecord"/>.</summary>
    public int ChunkBudget => _chunkBudget;

    /// <summary>Expands the binary XML in [start, end) of the current chunk.</summary>
    public void Expand<TVisitor>(int start, int end, TVisitor visitor)
        where TVisitor : IBinXmlVisitor
    {
        if (_chunkBudget <= 0)
            throw new BinXmlException("the chunk's records expand to too much XML");
        var granted = Math.Min(WorkBudgetPerRecord, _chunkBudget);
        _budget = granted;
        _compiledByRecord.Clear();
        try
        {
            FragmentCompiler.Compile(Chunk, start, end, _names, _recordCode);
            var code = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_recordCode);
            Run(code, 0, code.Length, NoSubstitutions, visitor, 0, -1, 0, -1);
        }
        finally
        {
            _chunkBudget -= granted - Math.Max(_budget, 0);
        }
    }

    private ReadOnlySpan<byte> Chunk => _chunk.AsSpan(0, _length);

    private void Run<TVisitor>(ReadOnlySpan<Instruction> code, int from, int to, ReadOnlySpan<Substitution> subs, TVisitor visitor,
        int nesting, int arraySub, int arrayItem, int noExpandAt)
        where TVisitor : IBinXmlVisitor
    {
        for (var i = from; i < to; i++)
        {
            if (--_budget < 0)
                throw new BinXmlException("record expands to too much XML");
            var ins = code[i];
            switch (ins.Op)
            {
                case OpCode.StartElement:
                {
                    var end = ins.Index;
                    if (end < i || end >= code.Length)
                        throw new BinXmlException("unbalanced element");
                    if (i != noExpandAt && ins.Aux != 0 && FindArray(code, i, end, ins.Aux, subs, out var sub, out var count))
                    {
                        // MS-EVEN6: an array substitution repeats its containing element once per item.
                        for (var k = 0; k < count; k++)
                            Run(code, i, end + 1, subs, visitor, nesting, sub, k, i);
                        i = end;
                        break;
                    }

                    visitor.StartElement(ins.Text!);
                    break;
                }

                case OpCode.Attribute:
                {
                    var j = i + 1;
                    var empty = true;
                    for (; j < to && code[j].Op is OpCode.Literal or OpCode.Substitution; j++)
                    {
                        if (code[j].Op == OpCode.Literal || !IsEmpty(subs, code[j].Index))
                            empty = false;
                    }

                    if (empty)
                    {
                        // Windows leaves out an attribute whose value is empty.
                        i = j - 1;
                        break;
                    }

                    visitor.Attribute(ins.Text!);
                    break;
                }

                case OpCode.CloseStartElement:
                    visitor.CloseStartElement();
                    break;
                case OpCode.EndElement:
                    visitor.EndElement();
                    break;
                case OpCode.Literal:
                    visitor.Literal(ins.Text!);
                    break;
                case OpCode.Substitution:
                    EmitSubstitution(ins.Index, subs, visitor, nesting, arraySub, arrayItem);
                    break;
                case OpCode.TemplateInstance:
                    RunTemplate(ins.Index, ins.Aux, visitor, nesting);
                    break;
            }
        }
    }

    private void RunTemplate<TVisitor>(int definition, int values, TVisitor visitor, int nesting)
        where TVisitor : IBinXmlVisitor
    {
        if (nesting >= MaxNesting)
            throw new BinXmlException("templates nested too deeply");
        var chunk = Chunk;
        var count = FragmentCompiler.ReadInt32(chunk, values, chunk.Length);
        if (count < 0 || count > (chunk.Length - values) / 4)
            throw new BinXmlException("substitution count out of range");
        // One array per nesting level, reused: a template's values stay valid while it runs.
        var pooled = _substitutions[nesting];
        if (pooled is null || pooled.Length < count)
            _substitutions[nesting] = pooled = new Substitution[Math.Max(count, 32)];
        var subs = pooled.AsSpan(0, count);
        var offset = values + 4 + (count * 4);
        for (var i = 0; i < count; i++)
        {
            var descriptor = FragmentCompiler.Slice(chunk, values + 4 + (i * 4), 4, chunk.Length);
            var size = BinaryPrimitives.ReadUInt16LittleEndian(descriptor);
            FragmentCompiler.Slice(chunk, offset, size, chunk.Length);
            subs[i] = new Substitution(descriptor[2], offset, size);
            offset += size;
        }

        var body = Template(definition);
        Run(body, 0, body.Length, subs, visitor, nesting + 1, -1, 0, -1);
    }

    private Instruction[] Template(int definition)
    {
        if (_templates.TryGetValue(definition, out var cached))
            return cached;
        // Compiling costs too: damaged records can point at garbage as their template.
        var chunk = Chunk;
        // next offset (4), GUID (16), data size (4), body
        var size = FragmentCompiler.ReadInt32(chunk, definition + 20, chunk.Length);
        var start = definition + 24;
        if (size < 0 || size > chunk.Length - start)
            throw new BinXmlException($"template at chunk offset {definition} runs past the chunk");
        _budget -= size >> 4;
        if (_budget < 0)
            throw new BinXmlException("record expands to too much XML");
        var created = _names.CreatedChars;
        FragmentCompiler.Compile(chunk, start, start + size, _names, _templateCode);
        var code = _templateCode.ToArray();
        _templates[definition] = code;
        _compiledByRecord.Add(definition);
        _budget -= code.Length + (int)((_names.CreatedChars - created) >> 3);
        return code;
    }

    private void EmitSubstitution<TVisitor>(int index, ReadOnlySpan<Substitution> subs, TVisitor visitor, int nesting, int arraySub, int arrayItem)
        where TVisitor : IBinXmlVisitor
    {
        if ((uint)index >= (uint)subs.Length)
            return;
        var sub = subs[index];
        var type = sub.Type;
        var data = Chunk.Slice(sub.Offset, sub.Size);
        if (index == arraySub)
        {
            data = ValueFormatter.ArrayItem(type, data, arrayItem);
            type = (byte)(type & ~ValueTypes.ArrayFlag);
        }

        if (data.IsEmpty || type == ValueTypes.Null)
        {
            // An empty value still makes the element's text "" (not absent), as Windows shows it.
            visitor.Value(ValueTypes.Null, default);
            return;
        }

        _budget -= data.Length >> 4;
        if (_budget < 0)
            throw new BinXmlException("record expands to too much XML");
        if (type == ValueTypes.BinXml)
        {
            if (nesting >= MaxNesting)
                throw new BinXmlException("binary XML nested too deeply");
            var created = _names.CreatedChars;
            // Each nesting level has its own list: this one stays in use while deeper levels compile theirs.
            var list = _nestedCode[nesting] ??= new List<Instruction>(32);
            FragmentCompiler.Compile(Chunk, sub.Offset, sub.Offset + sub.Size, _names, list);
            var code = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list);
            _budget -= code.Length + (int)((_names.CreatedChars - created) >> 3);
            Run(code, 0, code.Length, NoSubstitutions, visitor, nesting + 1, -1, 0, -1);
            return;
        }

        visitor.Value(type, data);
    }

    private static bool IsEmpty(ReadOnlySpan<Substitution> subs, int index) =>
        (uint)index >= (uint)subs.Length || subs[index].Size == 0 || subs[index].Type == ValueTypes.Null;

    private bool FindArray(ReadOnlySpan<Instruction> code, int start, int end, int only, ReadOnlySpan<Substitution> subs, out int sub, out int count)
    {
        sub = -1;
        count = 0;
        if (only > start && only < end)
            return IsArray(code[only].Index, subs, ref sub, ref count);
        for (var j = start + 1; j < end; j++)
        {
            var ins = code[j];
            if (ins.Op == OpCode.StartElement)
            {
                if (ins.Index <= j)
                    break;
                j = ins.Index;
                continue;
            }

            if (ins.Op == OpCode.Substitution && IsArray(ins.Index, subs, ref sub, ref count))
                return true;
        }

        return false;
    }

    /// <summary>Whether substitution <paramref name="index"/> is an array of more than one item.</summary>
    private bool IsArray(int index, ReadOnlySpan<Substitution> subs, ref int sub, ref int count)
    {
        if ((uint)index >= (uint)subs.Length)
            return false;
        var s = subs[index];
        if ((s.Type & ValueTypes.ArrayFlag) == 0 || s.Size == 0)
            return false;
        var n = ValueFormatter.ArrayCount(s.Type, Chunk.Slice(s.Offset, s.Size));
        if (n <= 1)
            return false;
        sub = index;
        count = n;
        return true;
    }
}
