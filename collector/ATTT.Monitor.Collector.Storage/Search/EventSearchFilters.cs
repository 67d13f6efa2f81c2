using System.Globalization;
using System.Text.RegularExpressions;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Search;

/// <summary>
/// Checks an <see cref="EventSearchRequest"/> and makes it an <see cref="EventQuery"/>, or throws an
/// <see cref="EventSearchException"/> naming the filter at fault. Times are ISO 8601
/// (<c>2026-11-27T03:14:59Z</c>, <c>2026-11-27T10:14+07:00</c>), or without an offset
/// (<see cref="DayMonthYear"/>: <c>27/11/2026 10:14</c>, <c>27/11/2026</c>, <c>2026-11-27T10:14</c>) in the zone the caller gives.
/// </summary>
public static partial class EventSearchFilters
{
    public const int MaxTextLength = 200;

    public static EventQuery Parse(EventSearchRequest request, TimeSpan localOffset, int defaultLimit = 50)
    {
        ArgumentNullException.ThrowIfNull(request);
        var from = Time("from", request.From, localOffset);
        var to = Time("to", request.To, localOffset);
        if (from is { } f && to is { } t && f > t)
            throw new EventSearchException("from", EventSearchProblem.FromAfterTo, $"from ({request.From}) is after to ({request.To}).");
        var fields = request.Fields.Where(x => !string.IsNullOrWhiteSpace(x)).Select(Field).ToList();
        var text = Empty(request.Text);
        if (text is { Length: > MaxTextLength })
            throw new EventSearchException("text", EventSearchProblem.TooLong, $"text is longer than {MaxTextLength} characters.");
        EventCursor? before = null;
        if (Empty(request.Before) is { } cursorText)
        {
            if (!EventCursor.TryParse(cursorText, out var cursor))
                throw new EventSearchException("before", EventSearchProblem.NotACursor, $"before \"{cursorText}\" is not a position from a previous page.");
            before = cursor;
        }

        return new EventQuery
        {
            Units = Empty(request.Unit) is { } unit ? [unit] : null,
            Host = Empty(request.Host),
            Channel = Empty(request.Channel),
            EventId = Number("event-id", request.EventId, 0, 65_535),
            From = from,
            To = to,
            Fields = fields,
            Text = text,
            Before = before,
            Limit = Number("limit", request.Limit, 1, EventQuery.MaxLimit) ?? defaultLimit,
            IncludeDrill = request.IncludeDrill,
        };
    }

    public static DateTimeOffset? Time(string parameter, string? text, TimeSpan localOffset)
    {
        text = Empty(text);
        if (text is null)
            return null;
        if (OffsetSuffix().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var withOffset))
            return withOffset;
        if (DayMonthYear.TryParseLocal(text, out var local))
            return new DateTimeOffset(local, localOffset);
        throw new EventSearchException(parameter, EventSearchProblem.NotATime,
            $"{parameter} \"{text}\" is not a time (write 27/11/2026 10:15, 27/11/2026, 2026-11-27T10:15 or an ISO 8601 time with its offset).")
        {
            Value = text,
        };
    }

    private static EventFieldFilter Field(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var name = equals > 0 ? text[..equals].Trim() : "";
        var value = equals > 0 ? text[(equals + 1)..].Trim() : "";
        if (equals <= 0 || !FieldName().IsMatch(name) || value.Length == 0 || value.Length > MaxTextLength)
            throw new EventSearchException("field", EventSearchProblem.NotAField,
                $"field \"{text}\" is not NAME=VALUE (a field name of letters, digits, '_', '.' or '-', then '=' and a value of 1 to {MaxTextLength} characters).");
        return new EventFieldFilter(name, value);
    }

    private static int? Number(string parameter, string? text, int min, int max)
    {
        text = Empty(text);
        if (text is null)
            return null;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            throw new EventSearchException(parameter, EventSearchProblem.NotANumber, $"{parameter} \"{text}\" is not a whole number from {min} to {max}.");
        return n;
    }

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OffsetSuffix();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.\-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldName();
}
