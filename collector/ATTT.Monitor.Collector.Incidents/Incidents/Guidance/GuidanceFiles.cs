namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// Loads the guidance folder (<c>attack.vi.yml</c> and <c>sigmahq.vi.yml</c>, format in
/// guidance/README.md) once, at start. The files' own tests (tests/ATTT.Monitor.Content.Tests) check
/// their content in depth; here a file that cannot be read stops the start with the file, line and field.
/// </summary>
internal static class GuidanceFiles
{
    public const string AttackFile = "attack.vi.yml";
    public const string SigmaHqFile = "sigmahq.vi.yml";

    public static IncidentGuidance Load(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder))
            throw new GuidanceFormatException($"{folder}: the guidance folder does not exist.");
        var attack = Path.Combine(folder, AttackFile);
        var sigmaHq = Path.Combine(folder, SigmaHqFile);
        return new IncidentGuidance(
            File.Exists(attack) ? LoadAttack(attack) : throw new GuidanceFormatException($"{attack}: the file is missing."),
            File.Exists(sigmaHq) ? LoadSigmaHq(sigmaHq) : throw new GuidanceFormatException($"{sigmaHq}: the file is missing."));
    }

    public static AttackTable LoadAttack(string path)
    {
        var yaml = new GuidanceYaml(path);
        var root = yaml.Root();
        var tactics = new List<AttackTactic>();
        if (yaml.Map(root, "tactics") is not { } tacticMap)
            throw yaml.Error(root, "tactics", "is missing");
        foreach (var (key, t) in yaml.Entries(tacticMap, "tactics"))
        {
            var field = "tactics." + key;
            tactics.Add(new AttackTactic(key.ToLowerInvariant(), yaml.Text(t, "name", field), yaml.List(t, "aliases", field),
                yaml.Text(t, "category", field), yaml.Text(t, "explanation", field), yaml.List(t, "what_to_do", field)));
        }

        var techniques = new List<AttackTechnique>();
        if (yaml.Map(root, "techniques") is not { } techniqueMap)
            throw yaml.Error(root, "techniques", "is missing");
        foreach (var (key, t) in yaml.Entries(techniqueMap, "techniques"))
        {
            var field = "techniques." + key;
            techniques.Add(new AttackTechnique(key.ToLowerInvariant(), yaml.Text(t, "name", field), yaml.List(t, "tactics", field),
                yaml.OptionalText(t, "category"), yaml.Text(t, "explanation", field), yaml.List(t, "what_to_do", field)));
        }

        return new AttackTable(tactics, techniques);
    }

    public static IReadOnlyDictionary<string, SigmaHqText> LoadSigmaHq(string path)
    {
        var yaml = new GuidanceYaml(path);
        var texts = new Dictionary<string, SigmaHqText>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, e) in yaml.Entries(yaml.Root(), "rule"))
        {
            texts[id] = new SigmaHqText(id, yaml.Text(e, "title_en", id), yaml.Text(e, "title", id), yaml.Text(e, "what_happened", id),
                yaml.Text(e, "why_it_matters", id), yaml.List(e, "what_to_do", id));
        }

        return texts;
    }
}
