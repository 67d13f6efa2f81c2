using ATTT.Monitor.Collector.Playbooks;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Drills;

/// <summary>
/// The playbooks the collector loaded at start (<c>Drills:PlaybooksPath</c>), with the schedule each
/// one is drilled on after configuration overrides. Invalid files are logged and left out, as
/// <c>attt playbooks check</c> reports them.
/// </summary>
public sealed class PlaybookCatalog
{
    private readonly DrillsOptions _options;

    public PlaybookCatalog(IOptions<DrillsOptions> options, ILogger<PlaybookCatalog> logger)
    {
        _options = options.Value;
        var path = Path.GetFullPath(_options.PlaybooksPath);
        if (!Directory.Exists(path))
        {
            logger.LogWarning("Không có thư mục kịch bản {Path}; không có diễn tập nào được lên lịch (no playbook folder)", path);
            Playbooks = [];
            return;
        }

        var result = PlaybookLoader.Load([path]);
        foreach (var error in result.Errors)
        {
            var text = error.ToString();
            logger.LogError("Kịch bản không hợp lệ, bỏ qua (invalid playbook skipped): {Error}", text);
        }

        Playbooks = result.Playbooks;
        var count = Playbooks.Count;
        if (logger.IsEnabled(LogLevel.Information))
            logger.LogInformation("Đã nạp {Count} kịch bản ứng phó từ {Path}", count, path);
    }

    public IReadOnlyList<Playbook> Playbooks { get; }

    public Playbook? Find(string id) => Playbooks.FirstOrDefault(p => p.Id == id);

    /// <summary>The unit a playbook is drilled in.</summary>
    public string UnitOf(Playbook playbook) => playbook.Drill?.Unit ?? _options.DefaultUnit;

    /// <summary>The schedule a playbook is drilled on: the configured override, else the playbook's own; null when none.</summary>
    public DrillSchedule? ScheduleOf(Playbook playbook)
    {
        if (_options.ScheduleOverrides.TryGetValue(playbook.Id, out var o) && !string.IsNullOrWhiteSpace(o.Cron))
            return new DrillSchedule(o.Cron, o.TimeZone ?? playbook.Drill?.Schedule?.TimeZone ?? DrillSchedule.DefaultTimeZone);
        return playbook.Drill?.Schedule;
    }

    /// <summary>
    /// The playbooks that answer a real incident: those naming its rule id first, then those
    /// naming its category.
    /// </summary>
    public IReadOnlyList<Playbook> ForIncident(string category, string? ruleId)
    {
        var byRule = ruleId is null ? [] : Playbooks.Where(p => p.RuleIds.Contains(ruleId, StringComparer.OrdinalIgnoreCase)).ToList();
        var byCategory = Playbooks.Where(p => p.Categories.Contains(category, StringComparer.Ordinal) && !byRule.Contains(p));
        return [.. byRule, .. byCategory];
    }
}
