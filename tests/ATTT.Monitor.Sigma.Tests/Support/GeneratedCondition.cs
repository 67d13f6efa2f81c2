namespace ATTT.Monitor.Sigma.Tests.Support;

/// <summary>A generated condition tree; <see cref="Render"/> writes it with Sigma precedence (or &lt; and &lt; not).</summary>
internal abstract record GeneratedCondition
{
    /// <summary>Condition text; <paramref name="redundantParens"/> wraps every compound operand, to exercise parentheses.</summary>
    public abstract string Render(bool redundantParens);

    public override string ToString() => Render(false);
}

internal sealed record RefCondition(string Name) : GeneratedCondition
{
    public override string Render(bool redundantParens) => Name;
}

internal sealed record OfCondition(bool All, string Pattern) : GeneratedCondition
{
    public override string Render(bool redundantParens) => (All ? "all of " : "1 of ") + Pattern;
}

internal sealed record NotCondition(GeneratedCondition Inner) : GeneratedCondition
{
    public override string Render(bool redundantParens) =>
        "not " + (Inner is AndCondition or OrCondition || (redundantParens && Inner is NotCondition) ? $"({Inner.Render(redundantParens)})" : Inner.Render(redundantParens));
}

internal sealed record AndCondition(GeneratedCondition Left, GeneratedCondition Right) : GeneratedCondition
{
    // An OR operand needs parentheses under AND; an AND operand only when asked.
    public override string Render(bool redundantParens) => $"{Operand(Left, redundantParens)} and {Operand(Right, redundantParens)}";

    private static string Operand(GeneratedCondition c, bool redundant) =>
        c is OrCondition || (redundant && c is AndCondition) ? $"({c.Render(redundant)})" : c.Render(redundant);
}

internal sealed record OrCondition(GeneratedCondition Left, GeneratedCondition Right) : GeneratedCondition
{
    public override string Render(bool redundantParens) => $"{Operand(Left, redundantParens)} or {Operand(Right, redundantParens)}";

    private static string Operand(GeneratedCondition c, bool redundant) =>
        redundant && c is AndCondition or OrCondition ? $"({c.Render(redundant)})" : c.Render(redundant);
}
