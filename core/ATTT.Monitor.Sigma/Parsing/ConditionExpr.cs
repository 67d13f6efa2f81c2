namespace ATTT.Monitor.Sigma.Parsing;

/// <summary>The parsed condition of a rule.</summary>
internal abstract record ConditionExpr;

internal sealed record AndExpr(ConditionExpr Left, ConditionExpr Right) : ConditionExpr;

internal sealed record OrExpr(ConditionExpr Left, ConditionExpr Right) : ConditionExpr;

internal sealed record NotExpr(ConditionExpr Inner) : ConditionExpr;

internal sealed record IdentifierExpr(string Name) : ConditionExpr;

/// <summary><c>1 of pattern</c> / <c>all of pattern</c>; pattern <c>them</c> means every identifier.</summary>
internal sealed record OfExpr(bool All, string Pattern) : ConditionExpr;
