namespace ATTT.Monitor.Evtx.BinXml;

/// <summary>
/// One step of a compiled binary XML fragment. A template body is compiled once per chunk into a
/// list of these, then replayed for every record that uses it with that record's substitutions.
/// </summary>
/// <param name="Text">Element/attribute name or literal text.</param>
/// <param name="Index">Substitution index; for StartElement the index of its EndElement;
/// for TemplateInstance the template definition offset in the chunk.</param>
/// <param name="Aux">For Substitution: 1 if optional; for TemplateInstance: offset of the values block;
/// for StartElement: where substitutions sit directly in the element (not in a child): 0 none, the
/// index of the Substitution instruction if there is one, -1 if there are several.</param>
internal readonly record struct Instruction(OpCode Op, string? Text, int Index, int Aux);
