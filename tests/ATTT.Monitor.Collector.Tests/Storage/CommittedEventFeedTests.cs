using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Tests.Support;

namespace ATTT.Monitor.Collector.Tests.Storage;

/// <summary>The in-memory hand-off: it gives only the run of ids right after the reader's position, else null (read the store).</summary>
public sealed class CommittedEventFeedTests
{
    private static StoredEvent[] Events(long first, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new StoredEvent(first + i, "a_1", "xa", false, TestEvents.BaseTime, TestEvents.Logon(first + i)))];

    private static long[] Ids(IReadOnlyList<StoredEvent>? events) => [.. (events ?? []).Select(e => e.Id)];

    [Fact]
    public void Takes_across_chunks_in_id_order_up_to_the_slice_size()
    {
        var feed = new CommittedEventFeed(100);
        feed.Publish(Events(1, 3));
        feed.Publish(Events(4, 3));

        Assert.Equal([1L, 2, 3, 4], Ids(feed.TryTake(0, 4)));
        Assert.Equal([5L, 6], Ids(feed.TryTake(4, 10)));
        Assert.Equal(0, feed.Buffered);
        Assert.Null(feed.TryTake(6, 10));
    }

    [Fact]
    public void A_reader_behind_the_feed_is_sent_to_the_store_and_comes_back_when_it_has_caught_up()
    {
        var feed = new CommittedEventFeed(100);
        feed.Publish(Events(11, 5)); // ids 1-10 were stored before a restart

        Assert.Null(feed.TryTake(0, 10));
        Assert.Equal([11L, 12], Ids(feed.TryTake(10, 2)));
        Assert.Equal([13L, 14, 15], Ids(feed.TryTake(12, 10)));
    }

    [Fact]
    public void When_detection_lags_the_oldest_events_are_let_go_never_ingest_held_back()
    {
        var feed = new CommittedEventFeed(10);
        feed.Publish(Events(1, 6));
        feed.Publish(Events(7, 6)); // 12 > 10: the first chunk goes

        Assert.Equal(6, feed.Buffered);
        Assert.Null(feed.TryTake(0, 100));
        Assert.Equal([7L, 8, 9, 10, 11, 12], Ids(feed.TryTake(6, 100)));

        feed.Publish(Events(13, 11)); // larger than the feed: not held at all
        Assert.Equal(0, feed.Buffered);
        Assert.Null(feed.TryTake(12, 100));
    }

    [Fact]
    public void A_gap_in_what_was_published_empties_the_feed_so_the_store_fills_it()
    {
        var feed = new CommittedEventFeed(100);
        feed.Publish(Events(1, 3));
        feed.Publish(Events(6, 2)); // ids 4-5 committed but never handed over

        Assert.Null(feed.TryTake(0, 100));
        Assert.Null(feed.TryTake(3, 100));
        Assert.Equal([6L, 7], Ids(feed.TryTake(5, 100)));
    }

    [Fact]
    public void A_feed_of_size_zero_hands_nothing_over()
    {
        var feed = new CommittedEventFeed(0);
        feed.Publish(Events(1, 1));
        Assert.Null(feed.TryTake(0, 100));
    }

    [Fact]
    public void The_backlog_is_what_was_published_after_the_id_detection_last_asked_for()
    {
        var feed = new CommittedEventFeed(100);
        feed.Publish(Events(1, 10));
        Assert.Equal(0, feed.Backlog); // detection has not asked yet: nothing to hold ingest back on
        feed.TryTake(0, 4);
        Assert.Equal(10, feed.Backlog);
        feed.TryTake(4, 4);
        feed.Publish(Events(11, 5));
        Assert.Equal(11, feed.Backlog);
        feed.TryTake(15, 4);
        Assert.Equal(0, feed.Backlog);
    }

    [Fact]
    public async Task Ingest_waits_for_detection_gives_up_after_the_wait_and_goes_on_when_detection_has_stopped()
    {
        var ct = TestContext.Current.CancellationToken;
        var feed = new CommittedEventFeed(100);
        feed.Publish(Events(1, 50));
        feed.TryTake(0, 10);
        var minute = TimeSpan.FromMinutes(1);

        Assert.True(await feed.WaitForDetectionAsync(50, TimeSpan.Zero, minute, ct));
        Assert.False(await feed.WaitForDetectionAsync(20, TimeSpan.FromMilliseconds(100), minute, ct));

        var waiting = feed.WaitForDetectionAsync(20, minute, minute, ct);
        await Task.Delay(50, ct);
        Assert.False(waiting.IsCompleted);
        feed.TryTake(20, 10); // detection reads on: 30 behind, still too far
        await Task.Delay(50, ct);
        Assert.False(waiting.IsCompleted);
        feed.TryTake(30, 10); // 20 behind
        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(10), ct));

        // A pipeline that stopped asking must not stop ingest.
        feed.Publish(Events(51, 50));
        await Task.Delay(150, ct);
        Assert.True(await feed.WaitForDetectionAsync(20, minute, TimeSpan.FromMilliseconds(100), ct));
    }
}
