namespace ATTT.Monitor.Sigma.Parsing;

/// <summary>
/// One <c>Field|modifier|…: value(s)</c> entry of a search identifier. <see cref="Field"/> is null
/// for keywords (values searched in every field). A null in <see cref="Values"/> is YAML null.
/// </summary>
internal sealed record FieldItem(string? Field, IReadOnlyList<string> Modifiers, IReadOnlyList<string?> Values, long Line);
