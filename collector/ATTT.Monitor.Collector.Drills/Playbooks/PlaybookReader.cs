using System.Text.RegularExpressions;
using ATTT.Monitor.Collector.Incidents;
using YamlDotNet.RepresentationModel;

namespace ATTT.Monitor.Collector.Playbooks;

/// <summary>
/// Reads one playbook document into a <see cref="Playbook"/>, checking every field (types,
/// references between roles and steps, durations, cron, time zone, inject events) and collecting
/// all problems with their line and field path.
/// </summary>
internal static partial class PlaybookReader
{
    /// <summary>Categories of <see cref="IncidentCategoryNames"/>; configuration may add more through <c>extraCategories</c>.</summary>
    public static readonly IReadOnlySet<string> KnownCategories = new HashSet<string>(IncidentCategoryNames.Codes, StringComparer.Ordinal);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{1,79}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    public static Playbook? Read(YamlMappingNode root, string file, List<PlaybookError> errors, IReadOnlySet<string>? extraCategories = null)
    {
        var before = errors.Count;
        var fields = new YamlFields(root, "", file, errors);
        var id = Id(fields, "id");
        var title = fields.String("title", required: true);
        var scenario = fields.String("scenario", required: true);
        var (categories, rules) = Answers(fields, extraCategories);
        var roles = Roles(fields);
        var steps = Steps(fields, roles);
        var drill = fields.Mapping("drill", required: false) is { } d ? DrillReader.Read(d, roles) : null;
        fields.RejectUnknown();
        if (errors.Count > before)
            return null;
        return new Playbook(id!, title!, scenario!, categories, rules, roles, steps, drill, file);
    }

    internal static string? Id(YamlFields fields, string key)
    {
        var id = fields.String(key, required: true);
        if (id is not null && !IdPattern().IsMatch(id))
            fields.Error(fields.Node(key), fields.Join(key), $"'{id}' phải gồm chữ thường không dấu, số, '-' hoặc '_' (2-80 ký tự) (must be lower-case ASCII letters, digits, '-' or '_')");
        return id;
    }

    internal static bool IsEmail(string text) => EmailPattern().IsMatch(text);

    private static (IReadOnlyList<string>, IReadOnlyList<string>) Answers(YamlFields fields, IReadOnlySet<string>? extra)
    {
        var answers = fields.Mapping("answers", required: true);
        if (answers is null)
            return ([], []);
        var categories = answers.Strings("categories", required: false);
        var seq = answers.Node("categories") as YamlSequenceNode;
        for (var i = 0; i < categories.Count; i++)
        {
            if (!KnownCategories.Contains(categories[i]) && extra?.Contains(categories[i]) != true)
                answers.Error(seq?.Children[i], $"answers.categories[{i}]", $"'{categories[i]}' không phải loại sự cố đã biết ({string.Join(", ", KnownCategories)}) (unknown incident category)");
        }

        var rules = answers.Strings("rules", required: false);
        if (categories.Count == 0 && rules.Count == 0 && answers.Errors.Count == 0)
            answers.Error(null, "answers", "cần ít nhất một loại sự cố (categories) hoặc một mã luật (rules) (needs a category or a rule id)");
        answers.RejectUnknown();
        return (categories, rules);
    }

    private static List<PlaybookRole> Roles(YamlFields fields)
    {
        var roles = new List<PlaybookRole>();
        var seq = fields.Sequence("roles", required: true);
        for (var i = 0; seq is not null && i < seq.Children.Count; i++)
        {
            var role = fields.Of(seq.Children[i], $"roles[{i}]");
            if (role is null)
                continue;
            var id = Id(role, "id");
            var name = role.String("name", required: true);
            var description = role.String("description", required: false);
            role.RejectUnknown();
            if (id is not null && roles.Any(r => r.Id == id))
                role.Error(role.Node("id"), role.Join("id"), $"vai trò '{id}' bị khai báo hai lần (duplicate role id)");
            else if (id is not null && name is not null)
                roles.Add(new PlaybookRole(id, name, description));
        }

        return roles;
    }

    private static List<PlaybookStep> Steps(YamlFields fields, List<PlaybookRole> roles)
    {
        var steps = new List<PlaybookStep>();
        var seq = fields.Sequence("steps", required: true);
        var previous = TimeSpan.Zero;
        for (var i = 0; seq is not null && i < seq.Children.Count; i++)
        {
            var step = fields.Of(seq.Children[i], $"steps[{i}]");
            if (step is null)
                continue;
            var id = Id(step, "id");
            var role = RoleRef(step, "role", roles);
            var action = step.String("action", required: true);
            var checklist = step.Strings("checklist", required: false);
            var evidence = step.Strings("evidence", required: false);
            var deadline = step.Duration("deadline", required: true);
            step.RejectUnknown();
            if (deadline is { } d && d < previous)
                step.Error(step.Node("deadline"), step.Join("deadline"), $"hạn {DurationText.Format(d)} sớm hơn hạn của bước trước ({DurationText.Format(previous)}); các bước phải theo thứ tự thời gian (steps must be in deadline order)");
            if (id is not null && steps.Any(s => s.Id == id))
                step.Error(step.Node("id"), step.Join("id"), $"bước '{id}' bị khai báo hai lần (duplicate step id)");
            if (id is not null && role is not null && action is not null && deadline is not null)
            {
                steps.Add(new PlaybookStep(id, i + 1, role, action, checklist, evidence, deadline.Value));
                previous = deadline.Value;
            }
        }

        return steps;
    }

    internal static string? RoleRef(YamlFields fields, string key, List<PlaybookRole> roles)
    {
        var role = fields.String(key, required: true);
        if (role is not null && roles.Count > 0 && roles.All(r => r.Id != role))
            fields.Error(fields.Node(key), fields.Join(key), $"vai trò '{role}' không có trong 'roles' ({string.Join(", ", roles.Select(r => r.Id))}) (unknown role)");
        return role;
    }
}
