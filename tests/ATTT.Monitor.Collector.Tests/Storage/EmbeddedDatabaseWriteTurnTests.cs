using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Tests.Support;

namespace ATTT.Monitor.Collector.Tests.Storage;

/// <summary>The in-process write turn the frequent state-database writers take.</summary>
public sealed class EmbeddedDatabaseWriteTurnTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_second_writer_waits_for_the_first_to_release_and_then_gets_the_turn()
    {
        var database = new EmbeddedDatabase(Path.Combine(_folder.Path, "attt.db"), []);
        var first = await database.TakeWriteTurnAsync(Ct);
        var second = database.TakeWriteTurnAsync(Ct);
        await Task.Delay(50, Ct);
        Assert.False(second.IsCompleted);

        first.Dispose();
        first.Dispose(); // releasing twice must not hand out two turns
        using (await second.WaitAsync(TimeSpan.FromSeconds(10), Ct))
        {
            var third = database.TakeWriteTurnAsync(Ct);
            await Task.Delay(50, Ct);
            Assert.False(third.IsCompleted);
            using var cancelled = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            var waiting = database.TakeWriteTurnAsync(cancelled.Token);
            await cancelled.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
            _ = third.ContinueWith(t => t.Result.Dispose(), Ct, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        }
    }
}
