using ATTT.Monitor.Events;

namespace ATTT.Monitor.Sigma.Matching;

/// <summary>
/// <c>Field|hour: 22</c> (and minute, day, week, month, year): the field is read as a date and the
/// number it yields is compared with each value (equality, or the numeric modifier given with it).
/// Values are ORed, or ANDed with <c>all</c>; a field that is not a date never matches. The event
/// time (<c>TimeCreated</c> of an <see cref="EventRecord"/>) is read without formatting it.
/// </summary>
internal sealed class TimePartNode(int fieldId, bool isEventTime, TimePart part, IReadOnlyList<(Parsing.ComparisonOperator Op, int Value)> values, bool all, bool matchNull)
    : MatchNode
{
    private readonly (Parsing.ComparisonOperator Op, int Value)[] _values = [.. values];

    public TimePart Part => part;
    public int FieldId => fieldId;
    public bool IsEventTime => isEventTime;
    public IReadOnlyList<(Parsing.ComparisonOperator Op, int Value)> Values => _values;
    public bool All => all;
    public bool MatchNull => matchNull;

    public override bool Matches(EvaluationContext context)
    {
        int n;
        if (isEventTime && context.Event is EventRecord record && !context.PayloadMayHave(fieldId))
        {
            n = DateParts.Of(record.TimeCreated, part);
        }
        else
        {
            var present = context.TryGet(fieldId, out var text);
            if (!present || string.IsNullOrEmpty(text)) return matchNull;
            if (!DateParts.TryGet(text, part, out n)) return false;
        }

        var values = _values;
        for (var i = 0; i < values.Length; i++)
        {
            var hit = Compare(values[i].Op, n, values[i].Value);
            if (hit && !all) return true;
            if (!hit && all) return false;
        }

        return all && values.Length > 0;
    }

    private static bool Compare(Parsing.ComparisonOperator op, int n, int value) => op switch
    {
        Parsing.ComparisonOperator.Gt => n > value,
        Parsing.ComparisonOperator.Gte => n >= value,
        Parsing.ComparisonOperator.Lt => n < value,
        Parsing.ComparisonOperator.Lte => n <= value,
        _ => n == value,
    };
}
