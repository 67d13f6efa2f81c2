using System.Text.Json;

namespace ATTT.Monitor.Collector.Packs;

/// <summary>
/// The installed packs: which is current and which came before, through the pointer files
/// <c>current</c> and <c>previous</c>. A pointer is changed by writing a temporary file and renaming
/// it over the old one (atomic on one file system), so a reader sees the old pack or the new one,
/// never half of either. Only the current and previous packs are kept.
/// </summary>
internal sealed class RulePackStore(RulePackLayout layout)
{
    public RulePackLayout Layout => layout;

    /// <summary>The pack in service; null when none is installed.</summary>
    /// <exception cref="RulePackException">The pointer or the pack's manifest is damaged.</exception>
    public InstalledPack? Current() => Read(layout.CurrentPointer);

    /// <summary>The pack a rollback puts back; null when there is none.</summary>
    public InstalledPack? Previous() => Read(layout.PreviousPointer);

    /// <summary>Puts the pack folder <paramref name="id"/> (complete, with its manifest) in service; the current one becomes the previous.</summary>
    public void Commit(string id)
    {
        var current = PointerId(layout.CurrentPointer);
        if (current is not null && current != id)
            WritePointer(layout.PreviousPointer, current);
        WritePointer(layout.CurrentPointer, id);
        Prune();
    }

    /// <summary>Swaps current and previous; returns the pack now in service.</summary>
    /// <exception cref="RulePackException">There is no previous pack.</exception>
    public InstalledPack Rollback()
    {
        var previous = Previous() ?? throw new RulePackException($"{layout.Root}: there is no previous rule pack to roll back to.");
        var current = PointerId(layout.CurrentPointer);
        if (current is not null)
            WritePointer(layout.PreviousPointer, current);
        WritePointer(layout.CurrentPointer, previous.Id);
        return previous;
    }

    /// <summary>Reads the manifest of a pack folder.</summary>
    public static RulePackManifest ReadManifest(string folder)
    {
        var path = RulePackLayout.ManifestPath(folder);
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), RulePackJson.Default.RulePackManifest)
                ?? throw new RulePackException($"{path}: the pack manifest is empty.");
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new RulePackException($"{path}: the pack manifest cannot be read ({ex.Message}).", ex);
        }
    }

    public static void WriteManifest(string folder, RulePackManifest manifest) =>
        File.WriteAllText(RulePackLayout.ManifestPath(folder), JsonSerializer.Serialize(manifest, RulePackJson.Default.RulePackManifest));

    private InstalledPack? Read(string pointer)
    {
        var id = PointerId(pointer);
        if (id is null)
            return null;
        var folder = layout.PackFolder(id);
        if (!Directory.Exists(folder))
            throw new RulePackException($"{pointer}: names the pack folder {folder}, which does not exist.");
        return new InstalledPack(id, folder, ReadManifest(folder));
    }

    private static string? PointerId(string pointer)
    {
        if (!File.Exists(pointer))
            return null;
        var id = File.ReadAllText(pointer).Trim();
        return RulePackLayout.IsValidId(id) ? id : throw new RulePackException($"{pointer}: '{id}' is not a pack folder name.");
    }

    private static void WritePointer(string pointer, string id)
    {
        var temp = pointer + ".tmp";
        File.WriteAllText(temp, id + "\n");
        File.Move(temp, pointer, overwrite: true);
    }

    /// <summary>Deletes pack folders that neither pointer names, and staging folders an interrupted install left.</summary>
    private void Prune()
    {
        var keep = new[] { PointerId(layout.CurrentPointer), PointerId(layout.PreviousPointer) };
        foreach (var folder in Directory.EnumerateDirectories(layout.Root))
        {
            var name = Path.GetFileName(folder);
            if (keep.Contains(name))
                continue;
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A reader still has a file open (Windows); the next install deletes it.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
