using ATTT.Monitor.Evtx.Tests.Support;
using CsCheck;

namespace ATTT.Monitor.Evtx.Tests;

/// <summary>
/// Property-based fuzzing: real samples with random mutations (bit flips, byte writes, zeroed
/// and copied ranges, truncation) are read without any exception but <see cref="EvtxFormatException"/>,
/// within the time and allocation limits of <see cref="SafeRead"/>. CI runs a fixed number of
/// cases; set ATTT_EVTX_FUZZ_SECONDS to run for longer.
/// </summary>
public sealed class FuzzTests
{
    private const int CiIterations = 150;

    private enum Kind { FlipBit, WriteByte, ZeroRange, CopyRange, Truncate }

    private readonly record struct Mutation(Kind Kind, double Where, byte Value, int Length, double From);

    [Fact]
    public void Mutated_samples_never_break_the_reader()
    {
        var samples = CorruptionTests.Samples().Select(File.ReadAllBytes).ToArray();
        var mutation = Gen.Select(Gen.Enum<Kind>(), Gen.Double[0.0, 1.0], Gen.Byte, Gen.Int[1, 70_000], Gen.Double[0.0, 1.0])
            .Select((k, w, v, l, f) => new Mutation(k, w, v, l, f));
        var cases = Gen.Select(Gen.Int[0, samples.Length - 1], mutation.Array[1, 16]);
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("ATTT_EVTX_FUZZ_SECONDS"), out var s) ? s : -1;

        cases.Sample(c =>
        {
            var bytes = Apply(samples[c.Item1], c.Item2);
            var problem = SafeRead.Problem(bytes, "fuzz case");
            Assert.True(problem is null, problem);
        }, iter: seconds > 0 ? -1 : CiIterations, time: seconds, threads: 1);
    }

    private static byte[] Apply(byte[] original, Mutation[] mutations)
    {
        var bytes = (byte[])original.Clone();
        var length = bytes.Length;
        foreach (var m in mutations)
        {
            if (length == 0)
                break;
            var at = (int)(m.Where * (length - 1));
            var count = Math.Min(m.Length, length - at);
            switch (m.Kind)
            {
                case Kind.FlipBit:
                    bytes[at] ^= (byte)(1 << (m.Value & 7));
                    break;
                case Kind.WriteByte:
                    bytes[at] = m.Value;
                    break;
                case Kind.ZeroRange:
                    Array.Clear(bytes, at, count);
                    break;
                case Kind.CopyRange:
                    var from = (int)(m.From * (length - count));
                    Array.Copy(bytes, from, bytes, at, count);
                    break;
                case Kind.Truncate:
                    length = at;
                    break;
            }
        }

        return bytes[..length];
    }
}
