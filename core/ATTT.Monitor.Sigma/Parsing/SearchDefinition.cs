namespace ATTT.Monitor.Sigma.Parsing;

/// <summary>
/// A search identifier of the detection section: OR over alternatives, each an AND of field items.
/// A map is one alternative; a list of maps is several; a list of plain values is one keyword item.
/// </summary>
internal sealed record SearchDefinition(IReadOnlyList<IReadOnlyList<FieldItem>> Alternatives);
