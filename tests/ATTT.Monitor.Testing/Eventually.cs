using System.Diagnostics;
using Xunit;

namespace ATTT.Monitor.Testing;

/// <summary>
/// Waits for a condition instead of an amount of time. The limit only decides when a test that will
/// never pass gives up; it is generous because a loaded two-core CI machine can be many times slower
/// than a developer's, and a passing test never waits for it. Measured on the monotonic clock, so a
/// change of the wall clock (NTP, libfaketime) cannot end or stretch a wait.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? limit = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, limit);

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        await ValueAsync(async () => await condition().ConfigureAwait(false), done => done, what, limit).ConfigureAwait(false);
    }

    /// <summary>Reads <paramref name="read"/> until <paramref name="done"/> holds for its value, and returns that value.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var cancel = TestContext.Current.CancellationToken;
        var waited = Stopwatch.StartNew();
        var bound = limit ?? DefaultLimit;
        while (true)
        {
            var value = await read().ConfigureAwait(false);
            if (done(value))
                return value;
            if (waited.Elapsed > bound)
                Assert.Fail($"Waited {bound.TotalSeconds:0} s for {what}; last value: {value}");
            await Task.Delay(Poll, cancel).ConfigureAwait(false);
        }
    }
}
