namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// How far an attack has gone, from the tactics of its detections in the order they came: a story
/// whose detections climb through three distinct stages after the foothold (for example discovery,
/// then privilege escalation, then credential access) is an attack in progress, and its severity is
/// raised one step. The state is, per stage, the longest climb ending there, kept as one digit per stage.
/// </summary>
internal static class KillChain
{
    /// <summary>Stages at or after this one count: what happens once the attacker is in.</summary>
    public const int FirstLaterStage = 3;

    /// <summary>Distinct later stages in order that make a progression.</summary>
    public const int ProgressionLength = 3;

    private const int Stages = 9;

    public static string Empty { get; } = new('0', Stages);

    /// <summary>The stage of a tactic key (<see cref="AttackTable"/>'s spelling); -1 for an unknown one.</summary>
    public static int StageOf(string tactic) => tactic switch
    {
        "reconnaissance" or "resource-development" => 0,
        "initial-access" => 1,
        "execution" => 2,
        "persistence" or "discovery" => 3,
        "privilege-escalation" or "stealth" or "defense-impairment" => 4,
        "credential-access" => 5,
        "lateral-movement" => 6,
        "collection" or "command-and-control" => 7,
        "exfiltration" or "impact" => 8,
        _ => -1,
    };

    /// <summary>The state after one more detection with <paramref name="tactics"/>.</summary>
    public static string Add(string state, IEnumerable<string> tactics)
    {
        var chains = Parse(state);
        var before = (int[])chains.Clone();
        foreach (var stage in tactics.Select(StageOf).Where(s => s >= FirstLaterStage).Distinct())
        {
            var longestBelow = 0;
            for (var s = FirstLaterStage; s < stage; s++)
                longestBelow = Math.Max(longestBelow, before[s]);
            chains[stage] = Math.Max(chains[stage], Math.Min(9, longestBelow + 1));
        }

        return string.Concat(chains.Select(c => (char)('0' + c)));
    }

    /// <summary>The longest climb through later stages so far.</summary>
    public static int Longest(string state) => Parse(state).Max();

    public static bool Progressed(string state) => Longest(state) >= ProgressionLength;

    private static int[] Parse(string? state)
    {
        var chains = new int[Stages];
        for (var i = 0; i < Stages && state is not null && i < state.Length; i++)
            chains[i] = state[i] is >= '0' and <= '9' ? state[i] - '0' : 0;
        return chains;
    }
}
