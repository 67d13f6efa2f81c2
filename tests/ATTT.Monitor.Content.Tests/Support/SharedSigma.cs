using ATTT.Monitor.Content.Tests.Validation;

namespace ATTT.Monitor.Content.Tests.Support;

/// <summary>The SigmaHQ rules of ../shared/sigma, read once per test run.</summary>
internal static class SharedSigma
{
    private static readonly Lazy<SigmaRuleIndex?> All = new(() => ContentPaths.SharedSigma is { } sigma
        ? SigmaRuleIndex.Load(Directory.EnumerateDirectories(sigma, "rules*").Order(StringComparer.Ordinal))
        : null);

    private static readonly Lazy<SigmaRuleIndex?> Windows = new(() => ContentPaths.SharedSigma is { } sigma
        ? SigmaRuleIndex.Load([Path.Combine(sigma, "rules", "windows")])
        : null);

    /// <summary>Every rule folder (rules, rules-emerging-threats, rules-threat-hunting, …), or null without ../shared.</summary>
    public static SigmaRuleIndex? AllRules => All.Value;

    /// <summary>../shared/sigma/rules/windows, or null without ../shared.</summary>
    public static SigmaRuleIndex? WindowsRules => Windows.Value;

    public const string Missing = "../shared/sigma is not laid beside the repository; the SigmaHQ checks need it.";
}
