namespace ATTT.Monitor.Sigma;

/// <summary>
/// One entry of a rule's <c>related:</c> list: another rule's id and how the two relate, as written
/// (the specification names derived, obsolete, merged, renamed and similar).
/// </summary>
public sealed record SigmaRelatedRule(string Id, string? Type);
