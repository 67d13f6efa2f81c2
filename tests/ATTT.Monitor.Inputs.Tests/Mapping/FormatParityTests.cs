using ATTT.Monitor.Events;
using ATTT.Monitor.Evtx;
using ATTT.Monitor.Inputs.Tests.Support;
using ATTT.Monitor.Sigma;

namespace ATTT.Monitor.Inputs.Tests.Mapping;

/// <summary>
/// The same event, collected by OTRF's pipeline, by NXLog or by Winlogbeat, reads back as the event
/// the EVTX reader reads from the .evtx file: the same System values (as far as each format keeps
/// them) and the same EventData names and values, so the same SigmaHQ rules fire on it. Every event
/// of every attack sample in ../shared is written in each format and read back.
/// </summary>
public sealed class FormatParityTests(FormatParityTests.Samples samples) : IClassFixture<FormatParityTests.Samples>
{
    public static TheoryData<string> Formats => ["otrf", "nxlog", "winlogbeat"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_sample_event_reads_back_with_its_system_values_and_fields(string format)
    {
        var read = samples.ReadBack(format);

        Assert.Empty(read.Warnings);
        Assert.Equal(samples.Events.Count, read.Records.Count);
        for (var i = 0; i < read.Records.Count; i++)
        {
            var expected = samples.Events[i];
            var actual = read.Records[i].Event;
            Assert.Equal(expected.EventId, actual.EventId);
            Assert.Equal(expected.Channel, actual.Channel);
            Assert.Equal(expected.Computer, actual.Computer);
            Assert.Equal(expected.Provider, actual.Provider);
            Assert.Equal(expected.ProviderGuid, actual.ProviderGuid);
            Assert.Equal(Fields(FormatWriters.ExpectedFields(expected)), Fields(actual.Fields.Where(f => !(format == "nxlog" && f.Name == "EventType" && !expected.Fields.Any(e => e.Name == "EventType")))));
            switch (format)
            {
                case "otrf":
                    Assert.Equal(expected.TimeCreated.ToUnixTimeMilliseconds(), actual.TimeCreated.ToUnixTimeMilliseconds());
                    Assert.Equal((expected.Level, expected.Task, expected.Keywords), (actual.Level, actual.Task, actual.Keywords));
                    break;
                case "nxlog":
                    Assert.Equal(expected.TimeCreated.ToUnixTimeSeconds(), actual.TimeCreated.ToUnixTimeSeconds());
                    Assert.Equal((expected.Task, expected.Opcode, expected.Version, expected.Keywords), (actual.Task, actual.Opcode, actual.Version, actual.Keywords));
                    Assert.Equal((expected.RecordId, expected.ProcessId, expected.ThreadId, expected.UserId), (actual.RecordId, actual.ProcessId, actual.ThreadId, actual.UserId));
                    break;
                default:
                    Assert.Equal(expected.TimeCreated, actual.TimeCreated);
                    Assert.Equal((expected.RecordId, expected.ProcessId, expected.ThreadId, expected.UserId, expected.Version), (actual.RecordId, actual.ProcessId, actual.ThreadId, actual.UserId, actual.Version));
                    Assert.Equal(FormatWriters.KeywordNames(expected.Keywords) is null ? null : expected.Keywords, actual.Keywords);
                    Assert.Equal(expected.PayloadKind == EventPayloadKind.UserData ? expected.UserDataName : null, actual.UserDataName);
                    break;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void The_same_sigma_rules_fire_as_on_the_evtx_files(string format)
    {
        var read = samples.ReadBack(format);
        var engine = samples.Rules.CreateEngine();
        var differences = new List<string>();
        var fired = 0;
        for (var i = 0; i < samples.Events.Count; i++)
        {
            var expected = RuleIds(engine, samples.Events[i]);
            var actual = RuleIds(engine, read.Records[i].Event);
            fired += expected.Count;
            if (!expected.SetEquals(actual))
                differences.Add($"{samples.Events[i].Channel}/{samples.Events[i].EventId} record {samples.Events[i].RecordId}: evtx [{string.Join(", ", expected.Order())}] {format} [{string.Join(", ", actual.Order())}]");
        }

        Assert.True(fired > 1000, $"only {fired} detections on the samples: the comparison would prove little");
        Assert.True(differences.Count == 0, $"{differences.Count} events differ, e.g.:\n{string.Join("\n", differences.Take(10))}");
    }

    private static HashSet<string> RuleIds(SigmaEngine engine, EventRecord e) =>
        engine.Evaluate(e).Select(d => d.Rule.Id).ToHashSet(StringComparer.Ordinal);

    private static List<(string, string?)> Fields(IEnumerable<EventField> fields) => fields.Select(f => (f.Name, f.Value)).ToList();

    /// <summary>Every event of the attack samples, the SigmaHQ rules, and the events written in each format.</summary>
    public sealed class Samples : IDisposable
    {
        private readonly TempDirectory _folder = new();
        private readonly Dictionary<string, Reading> _readBack = [];
        private readonly Lazy<SigmaRuleSet> _rules = new(() => SigmaRuleSet.Load(SharedData.SigmaRuleFolders));

        public Samples()
        {
            var files = Directory.GetFiles(SharedData.AttackSample(), "*.evtx", SearchOption.AllDirectories);
            Array.Sort(files, StringComparer.Ordinal);
            Events = files.SelectMany(f => EvtxFile.ReadEvents(f)).ToList();
        }

        public List<EventRecord> Events { get; }

        public SigmaRuleSet Rules => _rules.Value;

        public Reading ReadBack(string format)
        {
            lock (_readBack)
            {
                if (!_readBack.TryGetValue(format, out var reading))
                {
                    Func<EventRecord, string> write = format switch
                    {
                        "otrf" => FormatWriters.Otrf,
                        "nxlog" => FormatWriters.NxLog,
                        _ => FormatWriters.Winlogbeat,
                    };
                    var path = _folder.Combine(format + ".json");
                    File.WriteAllLines(path, Events.Select(write));
                    _readBack[format] = reading = Reading.Of(path);
                }

                return reading;
            }
        }

        public void Dispose() => _folder.Dispose();
    }
}
