namespace ATTT.Monitor.Collector.Notifications.Queries;

/// <summary>
/// Messages that have not arrived, for the overview's warning: undelivered ones (the sender stopped:
/// 7 days or a permanent refusal) and those still being retried, with how many of each go to an authority.
/// </summary>
public sealed record UndeliveredSummary(long Undelivered, long UndeliveredToAuthorities, long Retrying, long RetryingToAuthorities, DateTimeOffset? OldestRetryingSince)
{
    public bool Any => Undelivered + Retrying > 0;
}
