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
}
