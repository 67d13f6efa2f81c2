using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ATTT.Monitor.Evtx.Rendering;
using ATTT.Monitor.Evtx.Tests.Support;

namespace ATTT.Monitor.Evtx.Tests.Rendering;

/// <summary>
/// Every record of the shared samples renders as the golden digests say. The digests were taken from
/// the token-by-token <c>Utf8JsonWriter</c> renderer that the dump's <see cref="JsonEmitter"/> replaced,
/// so a byte the emitter writes differently from that writer fails here. A file's digest is SHA-256
/// over its records' JSON, each followed by a line feed, in file order (deleted records recovered).
/// Set ATTT_UPDATE_GOLDEN=1 to rewrite the golden file after an intended change of the JSON; the run
/// that rewrites it fails, so a normal run always compares.
/// </summary>
public sealed class DumpGoldenTests
{
    private const string GoldenName = "dump-digests.tsv";

    [Fact]
    public void Every_record_of_the_samples_renders_as_the_golden_digests_say()
    {
        var actual = Digests();
        if (Environment.GetEnvironmentVariable("ATTT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllLines(Path.Combine(SharedData.SourceDirectory ?? throw new InvalidOperationException("the build recorded no SourceDirectory"), "Rendering", "Golden", GoldenName),
                actual.Select(d => $"{d.Key}\t{d.Value.Records.ToString(CultureInfo.InvariantCulture)}\t{d.Value.Sha256}"));
            Assert.Fail($"{GoldenName} rewritten with {actual.Count} files; run again without ATTT_UPDATE_GOLDEN to compare.");
        }

        var golden = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Rendering", "Golden", GoldenName))
            .Select(line => line.Split('\t'))
            .ToDictionary(f => f[0], f => (Records: int.Parse(f[1], CultureInfo.InvariantCulture), Sha256: f[2]), StringComparer.Ordinal);
        var wrong = new List<string>();
        foreach (var (file, digest) in actual)
        {
            if (!golden.TryGetValue(file, out var expected))
                wrong.Add($"{file}: not in {GoldenName}");
            else if (expected != digest)
                wrong.Add($"{file}: {digest.Records} records, {digest.Sha256}; golden {expected.Records} records, {expected.Sha256}");
        }

        wrong.AddRange(golden.Keys.Where(f => !actual.ContainsKey(f)).Select(f => $"{f}: in {GoldenName} but not read"));
        Assert.True(wrong.Count == 0, $"{wrong.Count} files differ from the golden digests:\n{string.Join('\n', wrong.Take(10))}");
        Assert.True(golden.Values.Sum(d => d.Records) > 10_000, "the golden file covers too few records");
    }

    private static SortedDictionary<string, (int Records, string Sha256)> Digests()
    {
        using var json = new EvtxJsonWriter();
        var digests = new SortedDictionary<string, (int, string)>(StringComparer.Ordinal);
        foreach (var file in SharedData.AllEvtxFiles())
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var records = 0;
            foreach (var document in EvtxFile.ReadDocuments(file, new EvtxReadOptions { RecoverDeleted = true }))
            {
                hash.AppendData(json.Render(document));
                hash.AppendData("\n"u8);
                records++;
            }

            var name = Path.GetRelativePath(SharedData.Root, file).Replace('\\', '/');
            digests[name] = (records, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }

        return digests;
    }
}
