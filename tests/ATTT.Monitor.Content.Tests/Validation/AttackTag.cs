using System.Text.RegularExpressions;

namespace ATTT.Monitor.Content.Tests.Validation;

/// <summary>
/// What an <c>attack.*</c> Sigma tag names: a technique (attack.t1003.001), a group (g0046),
/// software (s0002), a data source (ds0005), or else a tactic (attack.credential-access).
/// </summary>
internal static partial class AttackTag
{
    public const string Prefix = "attack.";

    public static bool IsAttack(string tag) => tag.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    public static string Name(string tag) => tag[Prefix.Length..].ToLowerInvariant();

    public static bool IsTechnique(string name) => Technique().IsMatch(name);

    /// <summary>Groups, software and data sources: ATT&amp;CK objects that are neither tactic nor technique.</summary>
    public static bool IsOtherObject(string name) => OtherObject().IsMatch(name);

    [GeneratedRegex(@"^t\d{4}(\.\d{3})?$")]
    private static partial Regex Technique();

    [GeneratedRegex(@"^(g|s|ds)\d{4}$")]
    private static partial Regex OtherObject();
}
