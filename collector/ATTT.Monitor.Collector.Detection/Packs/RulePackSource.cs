using System.IO.Compression;

namespace ATTT.Monitor.Collector.Packs;

/// <summary>
/// Copies the rule files of a pack source (a SigmaHQ release zip or a rules folder) into a new
/// folder. SigmaHQ's archives hold <c>rules/…</c>, <c>rules-emerging-threats/…</c> and the like,
/// possibly under one top folder; when a source has folders named <c>rules*</c>, only what is under
/// them is taken (a checkout's <c>regression_data</c>, <c>deprecated</c> and tests stay out), else
/// every YAML file. Files other than <c>.yml</c>/<c>.yaml</c> are skipped and counted. An archive
/// entry that climbs out of the folder (zip-slip), too many entries, or an entry or total too large
/// refuses the whole pack.
/// </summary>
internal static class RulePackSource
{
    public const int MaxFiles = 50_000;
    public const long MaxFileBytes = 4 * 1024 * 1024;
    public const long MaxTotalBytes = 512L * 1024 * 1024;

    /// <summary>Result of a copy: files copied and files skipped (not YAML, or outside the <c>rules*</c> folders).</summary>
    public readonly record struct CopyResult(int Copied, int Skipped);

    /// <exception cref="RulePackException">The source is missing, not a zip, hostile or too large.</exception>
    public static CopyResult CopyTo(string source, string destination)
    {
        if (Directory.Exists(source))
            return CopyFolder(Path.GetFullPath(source), destination);
        if (!File.Exists(source))
            throw new RulePackException($"{source}: no such file or folder.");
        try
        {
            using var zip = ZipFile.OpenRead(source);
            return CopyZip(source, zip, destination);
        }
        catch (InvalidDataException ex)
        {
            throw new RulePackException($"{source}: not a zip archive or a rules folder ({ex.Message}).", ex);
        }
    }

    private static CopyResult CopyFolder(string root, string destination)
    {
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        var selected = Select(files, out var skipped);
        if (selected.Count > MaxFiles)
            throw new RulePackException($"{root}: {selected.Count} rule files, more than the {MaxFiles} a pack may hold.");
        long total = 0;
        foreach (var (relative, target) in selected)
        {
            var from = Path.Combine(root, relative);
            var length = new FileInfo(from).Length;
            total += length;
            if (length > MaxFileBytes)
                throw new RulePackException($"{from}: {length} bytes, larger than a rule may be ({MaxFileBytes} bytes).");
            if (total > MaxTotalBytes)
                throw new RulePackException($"{root}: the rules add up to more than {MaxTotalBytes} bytes.");
            var to = Target(destination, target, root);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to);
        }

        return new CopyResult(selected.Count, skipped);
    }

    private static CopyResult CopyZip(string source, ZipArchive zip, string destination)
    {
        var entries = zip.Entries.Where(e => !e.FullName.EndsWith('/') && !e.FullName.EndsWith('\\')).ToList();
        var byName = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var name = entry.FullName.Replace('\\', '/');
            if (name.StartsWith('/') || name.Contains(':', StringComparison.Ordinal) || name.Split('/').Any(s => s is ".." or "."))
                throw new RulePackException($"{source}: entry '{entry.FullName}' points outside the pack folder; the archive is refused.");
            byName.TryAdd(name, entry);
        }

        var selected = Select(byName.Keys.Order(StringComparer.Ordinal).ToList(), out var skipped);
        if (selected.Count > MaxFiles)
            throw new RulePackException($"{source}: {selected.Count} rule files, more than the {MaxFiles} a pack may hold.");
        long total = 0;
        foreach (var (relative, target) in selected)
        {
            var entry = byName[relative];
            if (entry.Length > MaxFileBytes)
                throw new RulePackException($"{source}: entry '{entry.FullName}' unpacks to {entry.Length} bytes, larger than a rule may be ({MaxFileBytes} bytes).");
            var to = Target(destination, target, source);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            using (var input = entry.Open())
            using (var output = File.Create(to))
                total += CopyBounded(input, output, source, entry.FullName, MaxTotalBytes - total);
        }

        return new CopyResult(selected.Count, skipped);
    }

    /// <summary>Copies at most <see cref="MaxFileBytes"/> (and what is left of the total), whatever the entry's header claims.</summary>
    private static long CopyBounded(Stream input, Stream output, string source, string entry, long remaining)
    {
        var buffer = new byte[81920];
        long written = 0;
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            written += read;
            if (written > MaxFileBytes)
                throw new RulePackException($"{source}: entry '{entry}' unpacks to more than {MaxFileBytes} bytes, larger than a rule may be.");
            if (written > remaining)
                throw new RulePackException($"{source}: the rules unpack to more than {MaxTotalBytes} bytes.");
            output.Write(buffer, 0, read);
        }

        return written;
    }

    /// <summary>
    /// The YAML files to take, each with the path it gets in the pack. When files sit in folders
    /// named <c>rules*</c>, the shallowest such folders are the pack (a checkout's
    /// <c>regression_data/rules</c> is deeper and stays out) and the path starts at them; else every
    /// YAML file is taken as it is.
    /// </summary>
    private static List<(string Relative, string Target)> Select(List<string> files, out int skipped)
    {
        static int RulesDepth(string path)
        {
            var segments = path.Split('/');
            for (var i = 0; i < segments.Length - 1; i++)
            {
                if (segments[i].StartsWith("rules", StringComparison.OrdinalIgnoreCase))
                    return i;
            }

            return -1;
        }

        static string From(string path, int depth) => string.Join('/', path.Split('/').Skip(depth));

        var yaml = files.Where(IsYaml).Select(f => (File: f, Depth: RulesDepth(f))).ToList();
        var depths = yaml.Where(x => x.Depth >= 0).Select(x => x.Depth).ToList();
        List<(string, string)> selected;
        if (depths.Count > 0)
        {
            var depth = depths.Min();
            selected = yaml.Where(x => x.Depth == depth).Select(x => (x.File, From(x.File, depth))).ToList();
        }
        else
        {
            selected = yaml.Select(x => (x.File, x.File)).ToList();
        }

        skipped = files.Count - selected.Count;
        return selected;
    }

    /// <summary>A rule file: YAML, and not a logsource mapping (which is not a rule; the collector's own mapping is used).</summary>
    private static bool IsYaml(string path) =>
        (path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
        && !string.Equals(Path.GetFileName(path), Detection.RuleCatalog.MappingFileName, StringComparison.OrdinalIgnoreCase);

    private static string Target(string destination, string relative, string source)
    {
        var root = Path.GetFullPath(destination) + Path.DirectorySeparatorChar;
        var target = Path.GetFullPath(Path.Combine(root, relative));
        if (!target.StartsWith(root, StringComparison.Ordinal))
            throw new RulePackException($"{source}: '{relative}' points outside the pack folder; the pack is refused.");
        if (File.Exists(target))
            throw new RulePackException($"{source}: '{relative}' appears twice in the pack.");
        return target;
    }
}
