using ATTT.Monitor.Sigma.Tests.Support;

namespace ATTT.Monitor.Sigma.Tests.Specification;

/// <summary>The modifiers Sigma 2.1 added (modifiers appendix): neq and the time parts, on real events.</summary>
public class ModifierAdditionsTests
{
    private static bool Match(string fieldLine, params (string Name, string? Value)[] fields) =>
        RuleText.Matches(RuleText.ProcessCreation($"    selection:\n        {fieldLine}\n    condition: selection"),
            TestEvents.Make("Microsoft-Windows-Sysmon/Operational", 1, fields));

    [Theory]
    [InlineData("User|neq: 'NT AUTHORITY\\SYSTEM'", "PC\\ketoan", true)]
    [InlineData("User|neq: 'NT AUTHORITY\\SYSTEM'", "nt authority\\system", false)]
    [InlineData("User|neq: ['a', 'b']", "c", true)]
    [InlineData("User|neq: ['a', 'b']", "b", false)]
    [InlineData("User|contains|neq: 'admin'", "ketoan", true)]
    [InlineData("User|contains|neq: 'admin'", "xadminx", false)]
    [InlineData("User|cased|neq: 'Admin'", "admin", true)]
    [InlineData("User|neq|startswith: 'adm_'", "adm_1", false)]
    [InlineData("Missing|neq: 'x'", "anything", true)]
    [InlineData("User|fieldref|neq: ParentUser", "ketoan", true)]
    [InlineData("User|fieldref|neq: ParentUser", "parent", false)]
    public void Neq_matches_when_the_field_is_none_of_the_values(string fieldLine, string user, bool expected) =>
        Assert.Equal(expected, Match(fieldLine, ("User", user), ("ParentUser", "parent")));

    [Fact]
    public void Neq_on_a_number_compares_numbers_as_written()
    {
        Assert.True(Match("ProcessId|neq: 4", ("ProcessId", "5")));
        Assert.False(Match("ProcessId|neq: 4", ("ProcessId", "4")));
    }

    [Theory]
    [InlineData("UtcTime|minute: 7", "2026-11-27 22:07:31.123", true)]
    [InlineData("UtcTime|hour: 22", "2026-11-27 22:07:31.123", true)]
    [InlineData("UtcTime|hour: [21, 23]", "2026-11-27 22:07:31.123", false)]
    [InlineData("UtcTime|day: 27", "2026-11-27T22:07:31Z", true)]
    [InlineData("UtcTime|week: 48", "2026-11-27T22:07:31Z", true)]
    [InlineData("UtcTime|week: 53", "2026-12-31", true)]
    [InlineData("UtcTime|week: 1", "2024-12-30", true)]
    [InlineData("UtcTime|month: 11", "2026-11-27", true)]
    [InlineData("UtcTime|year: 2026", "2026-11-27T22:07:31+07:00", true)]
    [InlineData("UtcTime|hour: 22", "2026-11-27", false)]
    [InlineData("UtcTime|hour: 22", "not a date", false)]
    [InlineData("UtcTime|day: 30", "2026-02-30 10:00:00", false)]
    [InlineData("UtcTime|hour|gte: 20", "2026-11-27 22:07:31", true)]
    [InlineData("UtcTime|hour|lt: 7", "2026-11-27 22:07:31", false)]
    [InlineData("UtcTime|hour|neq: 22", "2026-11-27 22:07:31", false)]
    [InlineData("UtcTime|hour|neq: 22", "2026-11-27 08:07:31", true)]
    [InlineData("UtcTime|hour|all: [22, 23]", "2026-11-27 22:07:31", false)]
    public void Time_parts_extract_a_number_from_a_date(string fieldLine, string time, bool expected) =>
        Assert.Equal(expected, Match(fieldLine, ("UtcTime", time)));

    [Fact]
    public void Time_parts_of_the_event_time_read_TimeCreated()
    {
        // TestEvents.T0 is 2026-11-27 08:00 UTC.
        Assert.True(Match("TimeCreated|hour: 8"));
        Assert.True(Match("TimeCreated|day: 27"));
        Assert.False(Match("TimeCreated|hour|gte: 17"));
        // A payload field of that name comes first, as for every other field.
        Assert.True(Match("TimeCreated|hour: 17", ("TimeCreated", "2026-11-27 17:00:00")));
    }

    [Theory]
    [InlineData("UtcTime|hour|contains: 2", SigmaDiagnosticKind.Invalid)]
    [InlineData("UtcTime|hour|minute: 2", SigmaDiagnosticKind.Invalid)]
    [InlineData("UtcTime|hour: noon", SigmaDiagnosticKind.Invalid)]
    [InlineData("'|hour': 2", SigmaDiagnosticKind.Invalid)]
    public void Time_parts_refuse_what_has_no_meaning_on_a_number(string fieldLine, SigmaDiagnosticKind kind)
    {
        var set = SigmaRuleSet.LoadText(RuleText.ProcessCreation($"    selection:\n        {fieldLine}\n    condition: selection"));
        Assert.Equal(kind, Assert.Single(set.Diagnostics).Kind);
    }

    [Theory]
    [InlineData("User|re|ignorecase: '^ADMIN$'", "admin")]
    [InlineData("User|re|multiline: '^admin$'", "x\nadmin")]
    [InlineData("User|re|dotall: 'ad.min'", "ad\nmin")]
    public void PySigma_long_names_of_the_regex_flags_are_accepted(string fieldLine, string user)
    {
        Assert.True(Match(fieldLine, ("User", user)));
        Assert.False(Match(fieldLine.Replace("|ignorecase", "", StringComparison.Ordinal).Replace("|multiline", "", StringComparison.Ordinal)
            .Replace("|dotall", "", StringComparison.Ordinal), ("User", user)));
    }
}
