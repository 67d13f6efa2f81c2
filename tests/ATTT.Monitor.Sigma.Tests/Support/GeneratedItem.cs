namespace ATTT.Monitor.Sigma.Tests.Support;

/// <summary>
/// One generated <c>Field|modifier|…: values</c> entry. <see cref="Field"/> null is a keyword
/// entry (<c>'|all': [...]</c>); a null value is YAML null. <see cref="Values"/> are Sigma text
/// exactly as written in the rule (wildcards and escapes not yet interpreted).
/// </summary>
internal sealed record GeneratedItem(string? Field, IReadOnlyList<string> Modifiers, IReadOnlyList<string?> Values)
{
    public string Key => (Field ?? "") + string.Concat(Modifiers.Select(m => "|" + m));

    public bool Has(string modifier) => Modifiers.Contains(modifier, StringComparer.OrdinalIgnoreCase);
}
