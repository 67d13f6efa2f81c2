using System.Globalization;

namespace ATTT.Monitor.Sigma.Matching;

/// <summary><c>gt</c>, <c>gte</c>, <c>lt</c>, <c>lte</c>: a field that is not a number never matches.</summary>
internal sealed class NumericMatcher(string op, double bound) : StringMatcher
{
    public string Op => op;
    public double Bound => bound;

    public override bool IsMatch(string value)
    {
        if (!TryNumber(value, out var n)) return false;
        return op switch
        {
            "gt" => n > bound,
            "gte" => n >= bound,
            "lt" => n < bound,
            _ => n <= bound,
        };
    }

    public static bool TryNumber(string text, out double n)
    {
        text = text.Trim();
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && long.TryParse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex))
        {
            n = hex;
            return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out n);
    }
}
