using System.Text.RegularExpressions;

namespace ATTT.Monitor.Collector.Suppression;

/// <summary>Checks what a user typed for a disablement or filter; each refusal names the field at fault.</summary>
internal static partial class SuppressionInput
{
    public const int MaxReason = 1000;
    public const int MaxValue = 1024;

    public static string RuleId(string? ruleId)
    {
        var value = ruleId?.Trim() ?? "";
        if (value.Length is 0 or > 200)
            throw new SuppressionValidationException("Rules.UnknownRule", "rule id is empty or longer than 200 characters");
        return value;
    }

    public static string Unit(string? unit)
    {
        var value = unit?.Trim() ?? "";
        if (value.Length is 0 or > 128)
            throw new SuppressionValidationException("Rules.UnitRequired", "unit is empty or longer than 128 characters");
        return value;
    }

    public static string Reason(string? reason)
    {
        var value = reason?.Trim() ?? "";
        if (value.Length == 0)
            throw new SuppressionValidationException("Rules.ReasonRequired", "a reason is required");
        if (value.Length > MaxReason)
            throw new SuppressionValidationException("Rules.ReasonTooLong", $"the reason is longer than {MaxReason} characters");
        return value;
    }

    public static List<FilterCondition> Conditions(IEnumerable<FilterCondition> conditions, int max)
    {
        var result = new List<FilterCondition>();
        foreach (var c in conditions)
        {
            var field = c.Field?.Trim() ?? "";
            if (!FieldName().IsMatch(field))
                throw new SuppressionValidationException("Rules.BadField", $"field name '{field}' must be 1-128 letters, digits, '_', '.' or '-'");
            if (!FilterOperators.All.Contains(c.Operator))
                throw new SuppressionValidationException("Rules.BadOperator", $"operator '{c.Operator}' is not one of {string.Join(", ", FilterOperators.All)}");
            if (string.IsNullOrEmpty(c.Value) || c.Value.Length > MaxValue)
                throw new SuppressionValidationException("Rules.BadValue", $"the value of '{field}' is empty or longer than {MaxValue} characters");
            result.Add(new FilterCondition(field, c.Operator, c.Value));
        }

        if (result.Count == 0)
            throw new SuppressionValidationException("Rules.NoCondition", "a filter needs at least one condition");
        if (result.Count > max)
            throw new SuppressionValidationException("Rules.TooManyConditions", $"a filter has at most {max} conditions");
        return result;
    }

    [GeneratedRegex("^[A-Za-z0-9_.\\-]{1,128}$")]
    private static partial Regex FieldName();
}
