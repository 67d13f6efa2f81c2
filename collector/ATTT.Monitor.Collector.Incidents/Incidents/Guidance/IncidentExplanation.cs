using System.Text.Json;
using System.Text.Json.Serialization;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// What the IT officer reads about an incident, in Vietnamese: what happened, why it matters, what to
/// do now. <see cref="TitleEn"/> is the rule's English title, kept beside a text composed from the
/// ATT&amp;CK table (<see cref="Source"/> <c>attack</c>) so the officer can look the rule up.
/// </summary>
public sealed record IncidentExplanation(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("title_en")] string? TitleEn,
    [property: JsonPropertyName("what_happened")] string WhatHappened,
    [property: JsonPropertyName("why_it_matters")] string? WhyItMatters,
    [property: JsonPropertyName("what_to_do")] IReadOnlyList<string> WhatToDo,
    [property: JsonPropertyName("source")] string Source)
{
    public const string FromProductRule = "rule";
    public const string FromSigmaHq = "sigmahq";
    public const string FromAttack = "attack";
    public const string FromRuleText = "none";

    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>Null for an absent or unreadable column (rows written before explanations were stored).</summary>
    public static IncidentExplanation? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return null;
        try
        {
            return JsonSerializer.Deserialize<IncidentExplanation>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
