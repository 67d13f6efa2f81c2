using System.Globalization;
using System.Text.RegularExpressions;
using ATTT.Monitor.Sigma;
using ATTT.Monitor.Sigma.Routing;

namespace ATTT.Monitor.Collector.Packs;

/// <summary>
/// <c>attt rules update</c> and <c>attt rules rollback</c>: copies a pack into a staging folder,
/// validates every rule, writes its manifest, moves it into place, warms the compiled-rule cache for
/// the collector, and only then turns the <c>current</c> pointer (see <see cref="RulePackStore"/>).
/// Anything that fails before the pointer turns leaves the installed packs as they were.
/// </summary>
public sealed partial class RulePackInstaller(RulePackLayout layout, TimeProvider time)
{
    /// <summary>What an install found: the manifest and every rule that did not load, as SKIP/ERROR lines naming the file inside the pack.</summary>
    public sealed record Result(RulePackManifest Manifest, IReadOnlyList<string> Diagnostics);

    /// <param name="mappingPath">The logsource mapping the collector uses (null: the built-in one).</param>
    /// <param name="profile">The profile the collector loads the pack with, for the cache.</param>
    /// <exception cref="RulePackException">The pack is unreadable, hostile or holds no rule that loads; nothing changed.</exception>
    public Result Install(string source, string? mappingPath, RuleProfile profile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentNullException.ThrowIfNull(profile);
        var store = new RulePackStore(layout);
        // A damaged pointer is reported before anything is written.
        store.Current();
        Directory.CreateDirectory(layout.Root);
        var id = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        var staging = layout.PackFolder(RulePackLayout.StagingPrefix + id);
        var final = layout.PackFolder(id);
        SigmaRuleSet set;
        RulePackManifest manifest;
        try
        {
            var copy = RulePackSource.CopyTo(source, RulePackLayout.RulesFolder(staging));
            if (copy.Copied == 0)
                throw new RulePackException($"{source}: holds no Sigma rule file (.yml or .yaml).");
            set = SigmaRuleSet.Load([RulePackLayout.RulesFolder(staging)], new SigmaLoadOptions { MappingPath = mappingPath });
            if (set.Rules.Count + set.Correlations.Count == 0)
                throw new RulePackException($"{source}: none of its {copy.Copied} rule files loads; the first: {(set.Diagnostics.Count > 0 ? set.Diagnostics[0] : null)}");
            manifest = Manifest(source, set, copy.Skipped);
            RulePackStore.WriteManifest(staging, manifest);
            Directory.Move(staging, final);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SigmaMappingException or RulePackException)
        {
            TryDelete(staging);
            if (ex is RulePackException)
                throw;
            throw new RulePackException($"{source}: cannot be installed into {layout.Root} ({ex.Message}).", ex);
        }

        Warm(final, mappingPath, profile);
        store.Commit(id);
        var prefix = RulePackLayout.RulesFolder(staging) + Path.DirectorySeparatorChar;
        return new Result(manifest, set.Diagnostics.Select(d => d.ToString().Replace(prefix, "", StringComparison.Ordinal)).ToList());
    }

    /// <summary>Puts the previous pack back; returns its manifest.</summary>
    /// <exception cref="RulePackException">There is no previous pack, or a pointer is damaged.</exception>
    public RulePackManifest Rollback(string? mappingPath, RuleProfile profile)
    {
        var store = new RulePackStore(layout);
        var previous = store.Previous() ?? throw new RulePackException($"{layout.Root}: there is no previous rule pack to roll back to.");
        Warm(previous.Folder, mappingPath, profile);
        return store.Rollback().Manifest;
    }

    /// <summary>Loads the pack as the collector will, so the collector's load reads the compiled set from the cache.</summary>
    private void Warm(string folder, string? mappingPath, RuleProfile profile)
    {
        RuleTuning tuning;
        try
        {
            tuning = RuleTuningStore.Read(layout.TuningPath);
        }
        catch (RulePackException)
        {
            // The collector refuses a damaged tuning file with its own message; the cache is only a head start.
            return;
        }

        SigmaRuleSet.Load([RulePackLayout.RulesFolder(folder)], RuleSetOptions.Pack(mappingPath, profile, tuning, null, layout.CacheDirectory));
    }

    private RulePackManifest Manifest(string source, SigmaRuleSet set, int skipped)
    {
        var rules = set.Rules.Concat(set.Correlations).ToList();
        var byStatus = rules.GroupBy(r => r.Status ?? "experimental").ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var byLevel = rules.GroupBy(r => r.LevelName).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(source)));
        if (File.Exists(source))
            name = Path.GetFileNameWithoutExtension(name);
        return new RulePackManifest(name, PackDate(name, rules), time.GetUtcNow(), Path.GetFullPath(source),
            rules.Count, set.UnsupportedCount, set.InvalidCount, skipped, byStatus, byLevel);
    }

    /// <summary>The date in the pack's name (SigmaHQ tags releases r2024-01-15), else the newest rule date or modification.</summary>
    private static string? PackDate(string name, IEnumerable<SigmaRuleInfo> rules)
    {
        if (DateInText().Match(name) is { Success: true } named && IsDate(named.Value))
            return named.Value;
        return rules.SelectMany(r => new[] { r.Modified, r.Date })
            .Select(d => d?.Trim().Replace('/', '-'))
            .Where(d => d is not null && IsDate(d))
            .Max(StringComparer.Ordinal);
    }

    private static bool IsDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex DateInText();
}
