using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using ATTT.Monitor.Sigma.Loading;

namespace ATTT.Monitor.Sigma.Caching;

/// <summary>
/// The compiled-rule cache. One file per set of rule paths and load options
/// (<c>rules-&lt;hash&gt;.cache</c> in the cache folder) holds the compiled set, keyed by the SHA-256
/// of the engine version, the options, the mapping file's path and content, and every rule file's path
/// and content. A file
/// whose size and modification time match the manifest is not read again (its recorded hash is
/// used) unless it changed within two seconds of the manifest, where a same-size edit could share
/// the time stamp. When the key differs, the set is compiled again, reusing the parsed form of
/// every file whose content is unchanged, and the cache file is replaced atomically.
/// </summary>
internal sealed class RuleSetCache(string directory, SigmaLoadOptions options, string mappingText, IReadOnlyList<string> roots)
{
    private static readonly TimeSpan Racy = TimeSpan.FromSeconds(2);
    private readonly List<string> _warnings = [];

    public SigmaRuleSet Load(IReadOnlyList<RuleFileStatus> files)
    {
        var total = Stopwatch.StartNew();
        var path = Path.Combine(directory, $"rules-{Convert.ToHexStringLower(SlotHash())[..16]}.cache");
        var old = TryRead(path);
        var now = DateTimeOffset.UtcNow;
        var (manifest, contents, rehashedRacy) = Fingerprint(files, old);
        var key = ContentKey(manifest);

        if (old is not null && old.Key.AsSpan().SequenceEqual(key))
        {
            try
            {
                var set = SnapshotReader.Read(old.Compiled, options.Channels);
                set.Timings.CacheRead = total.Elapsed;
                // Re-hashed files that were too recent to trust by time stamp: record them as settled.
                if (rehashedRacy) Store(path, key, now, manifest, old.Compiled, null, old);
                set.Cache = new SigmaCacheReport(SigmaCacheOutcome.Hit, path, 0, _warnings);
                return set;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Warn($"the rule cache {path} could not be read ({ex.Message}); it was ignored and rebuilt");
                old = null;
            }
        }

        return Rebuild(path, key, now, manifest, contents, old, old is null ? SigmaCacheOutcome.Created : SigmaCacheOutcome.Rebuilt);
    }

    private SigmaRuleSet Rebuild(string path, byte[] key, DateTimeOffset now, List<ManifestEntry> manifest, Dictionary<string, byte[]> contents,
        CacheFile? old, SigmaCacheOutcome outcome)
    {
        var clock = Stopwatch.StartNew();
        var reusable = ReusableEntries(old, path);
        var parsed = new List<ParsedFile>(manifest.Count);
        var reparsed = 0;
        foreach (var entry in manifest)
        {
            if (reusable.TryGetValue((entry.Path, Convert.ToHexString(entry.ContentHash)), out var reader))
            {
                try
                {
                    parsed.Add(ParsedFileCodec.Read(reader(), entry.Path));
                    continue;
                }
                catch (CacheFormatException ex)
                {
                    Warn($"the rule cache's entry for {entry.Path} could not be read ({ex.Message}); the file was parsed again");
                }
            }

            reparsed++;
            parsed.Add(ParsedFile.Parse(entry.Path, contents.TryGetValue(entry.Path, out var bytes) ? Decode(bytes) : null));
        }

        var parseTime = clock.Elapsed;
        // The cache holds every channel's rules; a channel filter is applied when reading it back.
        var full = SigmaRuleSet.Build(parsed, WithoutChannels(options), mappingText, parseTime);
        clock.Restart();
        var compiled = SnapshotWriter.Write(full).ToArray();
        var parsedSection = WriteParsed(parsed);
        Store(path, key, now, manifest, compiled, parsedSection, null);
        var set = options.Channels is null ? full : SnapshotReader.Read(compiled, options.Channels);
        set.Timings = full.Timings;
        set.Timings.CacheWrite = clock.Elapsed;
        set.Cache = new SigmaCacheReport(outcome, path, reparsed, _warnings);
        return set;
    }

    private static SigmaLoadOptions WithoutChannels(SigmaLoadOptions o) => new()
    {
        MappingPath = o.MappingPath,
        Placeholders = o.Placeholders,
        MaxCorrelationGroups = o.MaxCorrelationGroups,
        Statuses = o.Statuses,
        MinimumLevel = o.MinimumLevel,
        ExcludedRuleIds = o.ExcludedRuleIds,
    };

    private static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private Dictionary<(string Path, string Hash), Func<CacheReader>> ReusableEntries(CacheFile? old, string path)
    {
        var result = new Dictionary<(string, string), Func<CacheReader>>();
        if (old is null) return result;
        ReadOnlyMemory<byte> parsed;
        try
        {
            parsed = File.ReadAllBytes(ParsedPath(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Warn($"the rule cache's parsed files {ParsedPath(path)} cannot be read ({ex.Message}); every rule file was parsed again");
            return result;
        }

        if (!old.ParsedMatches(parsed.Span))
        {
            Warn($"the rule cache's parsed files {ParsedPath(path)} are damaged (checksum); every rule file was parsed again");
            return result;
        }

        try
        {
            var r = new CacheReader(parsed);
            var offsets = r.Ints();
            var block = r.Block();
            if (offsets.Length != old.Manifest.Count) throw new CacheFormatException("the parsed files do not match the manifest");
            for (var i = 0; i < offsets.Length; i++)
            {
                if (offsets[i] < 0) continue;
                var at = offsets[i];
                if (at > block.Length) throw new CacheFormatException($"entry offset {at} is outside its block");
                var e = old.Manifest[i];
                result[(e.Path, Convert.ToHexString(e.ContentHash))] = () => new CacheReader(block) { Position = at };
            }
        }
        catch (CacheFormatException ex)
        {
            Warn($"the rule cache's parsed files could not be read ({ex.Message}); every rule file was parsed again");
            result.Clear();
        }

        return result;
    }

    private byte[] WriteParsed(List<ParsedFile> parsed)
    {
        var blob = new CacheWriter();
        var offsets = new int[parsed.Count];
        for (var i = 0; i < parsed.Count; i++)
        {
            var entry = new CacheWriter();
            try
            {
                ParsedFileCodec.Write(entry, parsed[i]);
                offsets[i] = checked((int)blob.Position);
                blob.Append(entry);
            }
            catch (InvalidOperationException ex)
            {
                offsets[i] = -1;
                Warn($"the parsed form of {parsed[i].Path} could not be cached ({ex.Message})");
            }
        }

        var w = new CacheWriter();
        w.Ints(offsets);
        w.Block(blob);
        return w.ToArray();
    }

    private CacheFile? TryRead(string path)
    {
        ReadOnlyMemory<byte> data;
        try
        {
            if (!File.Exists(path)) return null;
            data = MappedBytes.Read(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Warn($"the rule cache {path} cannot be read ({ex.Message}); the rules were compiled without it");
            return null;
        }

        try
        {
            var file = CacheFile.Read(data);
            if (file.EngineVersion != EngineVersion.Current) return null;
            if (file.CompiledIntact) return file;
            Warn($"the rule cache {path} is damaged (a section's checksum does not match); it was ignored and rebuilt");
            return null;
        }
        catch (CacheFormatException ex)
        {
            Warn($"the rule cache {path} is damaged ({ex.Message}); it was ignored and rebuilt");
            return null;
        }
    }

    private (List<ManifestEntry> Manifest, Dictionary<string, byte[]> Contents, bool RehashedRacy) Fingerprint(IReadOnlyList<RuleFileStatus> files, CacheFile? old)
    {
        var known = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
        if (old is not null)
        {
            foreach (var e in old.Manifest) known[e.Path] = e;
        }

        var manifest = new List<ManifestEntry>(files.Count);
        var contents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var rehashedRacy = false;
        foreach (var (file, length, modified) in files)
        {
            if (known.TryGetValue(file, out var e) && e.Length == length && e.ModifiedTicks == modified)
            {
                if (modified < (old!.ManifestTime - Racy).UtcTicks)
                {
                    manifest.Add(e);
                    continue;
                }

                rehashedRacy = true;
            }

            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                manifest.Add(new ManifestEntry(file, -1, 0, SHA256.HashData(Encoding.UTF8.GetBytes(ex.Message))));
                continue;
            }

            contents[file] = bytes;
            manifest.Add(new ManifestEntry(file, length, modified, SHA256.HashData(bytes)));
        }

        return (manifest, contents, rehashedRacy);
    }

    private static string ParsedPath(string path) => Path.ChangeExtension(path, ".parsed");

    /// <summary>
    /// Writes the parsed files (when given) and then the cache file, each to a temporary name renamed
    /// into place, so a reader sees the old pair or the new one; the cache file's header holds the
    /// parsed file's length and checksum, so a parsed file from another write is detected.
    /// </summary>
    private void Store(string path, byte[] key, DateTimeOffset now, List<ManifestEntry> manifest, ReadOnlyMemory<byte> compiled, byte[]? parsed, CacheFile? previous)
    {
        var file = new CacheFile
        {
            EngineVersion = EngineVersion.Current,
            Key = key,
            ManifestTime = now,
            Manifest = manifest,
            Compiled = compiled,
            ParsedLength = parsed?.Length ?? previous!.ParsedLength,
            ParsedChecksum = parsed is null ? previous!.ParsedChecksum : CacheFile.Checksum(parsed),
        };
        try
        {
            Directory.CreateDirectory(directory);
            if (parsed is not null) Replace(ParsedPath(path), s => s.Write(parsed));
            Replace(path, file.Write);
            Prune(path, now);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Warn($"the rule cache {path} could not be written ({ex.Message}); the next start compiles the rules again");
        }
    }

    private static void Replace(string path, Action<Stream> write)
    {
        var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Nothing more to do: the temporary name is never read.
            }

            throw;
        }
    }

    private byte[] ContentKey(List<ManifestEntry> manifest)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string s) => sha.AppendData(Encoding.UTF8.GetBytes(s + "\0"));
        Add(EngineVersion.Current);
        Add(OptionsText());
        // The field mapping (logsource routes and field renames) compiles into every rule: its path and content.
        Add("mapping " + (options.MappingPath ?? "(built in)"));
        sha.AppendData(SHA256.HashData(Encoding.UTF8.GetBytes(mappingText)));
        foreach (var e in manifest)
        {
            Add(e.Path);
            sha.AppendData(e.ContentHash);
        }

        return sha.GetHashAndReset();
    }

    // The slot leaves out the engine build: a new build replaces the old build's file instead of adding one.
    private byte[] SlotHash() =>
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\0", [OptionsText(), options.MappingPath ?? "(built in)", .. roots])));

    /// <summary>Cache files of rule-path sets not loaded for 30 days, and temporary files a crash left, are deleted.</summary>
    private void Prune(string keep, DateTimeOffset now)
    {
        try
        {
            foreach (var f in new DirectoryInfo(directory).EnumerateFiles("rules-*"))
            {
                var stale = f.Name.EndsWith(".tmp", StringComparison.Ordinal) ? TimeSpan.FromDays(1) : TimeSpan.FromDays(30);
                if (Path.GetFileNameWithoutExtension(f.FullName) != Path.GetFileNameWithoutExtension(keep) && f.LastWriteTimeUtc < now.UtcDateTime - stale)
                    f.Delete();
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Warn($"old rule cache files in {directory} could not be deleted ({ex.Message})");
        }
    }

    // Everything in the options that changes what is compiled (the channel filter is applied on reading).
    private string OptionsText()
    {
        var s = new StringBuilder();
        foreach (var (name, values) in options.Placeholders.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            s.Append("placeholder ").Append(name).Append('=').Append(string.Join('\u001f', values)).Append('\n');
        s.Append("statuses ").Append(options.Statuses is null ? "*" : string.Join(',', options.Statuses.Order(StringComparer.Ordinal))).Append('\n');
        s.Append("level ").Append(options.MinimumLevel?.ToString() ?? "*").Append('\n');
        s.Append("excluded ").Append(options.ExcludedRuleIds is null ? "" : string.Join(',', options.ExcludedRuleIds.Order(StringComparer.Ordinal)));
        return s.ToString();
    }

    private void Warn(string message) => _warnings.Add(message);
}
