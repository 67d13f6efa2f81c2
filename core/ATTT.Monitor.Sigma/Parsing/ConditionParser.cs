namespace ATTT.Monitor.Sigma.Parsing;

/// <summary>
/// Recursive-descent parser of the Sigma condition language: <c>or</c> &lt; <c>and</c> &lt;
/// <c>not</c>, parentheses, <c>1 of x*</c>, <c>all of x*</c>, <c>them</c>. The deprecated
/// aggregation syntax (<c>| count() by …</c>) and <c>near</c> are rejected with a named reason.
/// </summary>
internal sealed class ConditionParser
{
    private readonly List<string> _tokens;
    private int _pos;

    private ConditionParser(List<string> tokens) => _tokens = tokens;

    public static ConditionExpr Parse(string text)
    {
        if (text.Contains('|'))
            throw SigmaRuleException.Unsupported("the condition uses the deprecated aggregation syntax ('| count() …'); use a correlation rule");
        var parser = new ConditionParser(Tokenize(text));
        if (parser._tokens.Count == 0) throw SigmaRuleException.Invalid("the condition is empty");
        var expr = parser.ParseOr();
        if (parser._pos != parser._tokens.Count)
            throw SigmaRuleException.Invalid($"unexpected '{parser._tokens[parser._pos]}' in condition '{text}'");
        return expr;
    }

    public static bool PatternMatches(string pattern, string name)
    {
        if (pattern == "them") return !name.StartsWith('_');
        if (!pattern.Contains('*')) return string.Equals(pattern, name, StringComparison.Ordinal);
        var parts = pattern.Split('*');
        if (!name.StartsWith(parts[0], StringComparison.Ordinal) || !name.EndsWith(parts[^1], StringComparison.Ordinal)) return false;
        var at = parts[0].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = name.IndexOf(parts[i], at, StringComparison.Ordinal);
            if (found < 0) return false;
            at = found + parts[i].Length;
        }

        return at <= name.Length - parts[^1].Length;
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c is '(' or ')') { tokens.Add(c.ToString()); i++; continue; }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not '(' and not ')') i++;
            tokens.Add(text[start..i]);
        }

        return tokens;
    }

    private string? Peek => _pos < _tokens.Count ? _tokens[_pos] : null;

    private bool Accept(string keyword)
    {
        if (Peek is { } t && string.Equals(t, keyword, StringComparison.OrdinalIgnoreCase)) { _pos++; return true; }
        return false;
    }

    private ConditionExpr ParseOr()
    {
        var left = ParseAnd();
        while (Accept("or")) left = new OrExpr(left, ParseAnd());
        return left;
    }

    private ConditionExpr ParseAnd()
    {
        var left = ParseNot();
        while (Accept("and")) left = new AndExpr(left, ParseNot());
        return left;
    }

    private ConditionExpr ParseNot() => Accept("not") ? new NotExpr(ParseNot()) : ParsePrimary();

    private ConditionExpr ParsePrimary()
    {
        var token = Peek ?? throw SigmaRuleException.Invalid("the condition ends where an identifier was expected");
        if (token == "(")
        {
            _pos++;
            var inner = ParseOr();
            if (!Accept(")")) throw SigmaRuleException.Invalid("the condition has an unclosed '('");
            return inner;
        }

        if (token is ")") throw SigmaRuleException.Invalid("the condition has an unexpected ')'");
        if (IsKeyword(token, "near")) throw SigmaRuleException.Unsupported("the condition uses the deprecated 'near' aggregation");
        if (IsKeyword(token, "and") || IsKeyword(token, "or") || IsKeyword(token, "of"))
            throw SigmaRuleException.Invalid($"the condition has '{token}' where an identifier was expected");

        _pos++;
        var quantifier = token.ToLowerInvariant();
        if (Peek is { } next && IsKeyword(next, "of"))
        {
            _pos++;
            var all = quantifier switch
            {
                "all" => true,
                "1" or "any" => false,
                _ => throw SigmaRuleException.Unsupported($"'{token} of' is not a Sigma quantifier (only '1 of' and 'all of')"),
            };
            var pattern = Peek ?? throw SigmaRuleException.Invalid($"the condition ends after '{token} of'");
            if (pattern is "(" or ")") throw SigmaRuleException.Invalid($"'{token} of' must be followed by a name pattern or 'them'");
            _pos++;
            return new OfExpr(all, pattern);
        }

        return new IdentifierExpr(token);
    }

    private static bool IsKeyword(string token, string keyword) => string.Equals(token, keyword, StringComparison.OrdinalIgnoreCase);
}
