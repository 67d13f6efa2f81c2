using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Notifications.Options;

/// <summary>
/// Checks Notifications:Sender at start-up, so an operator's typo is reported by its configuration key
/// instead of surfacing later as a Polly or arithmetic error from inside the outbox sender.
/// </summary>
internal sealed class SenderOptionsValidator : IValidateOptions<NotificationsOptions>
{
    private const string Prefix = "Notifications:Sender:";

    // Polly refuses circuit-breaker windows shorter than half a second.
    private static readonly TimeSpan MinimumBreakerWindow = TimeSpan.FromMilliseconds(500);

    public ValidateOptionsResult Validate(string? name, NotificationsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var s = options.Sender;
        var errors = new List<string>();
        if (s.ImmediateRetries is < 0 or > 100)
            errors.Add($"{Prefix}ImmediateRetries must be between 0 (no in-process retry) and 100, not {s.ImmediateRetries}.");
        if (s.ImmediateRetryDelay < TimeSpan.Zero)
            errors.Add($"{Prefix}ImmediateRetryDelay must not be negative, not {s.ImmediateRetryDelay}.");
        if (s.PollInterval <= TimeSpan.Zero)
            errors.Add($"{Prefix}PollInterval must be positive, not {s.PollInterval}.");
        if (s.BatchSize < 1)
            errors.Add($"{Prefix}BatchSize must be at least 1, not {s.BatchSize}.");
        if (s.GiveUpAfter <= TimeSpan.Zero)
            errors.Add($"{Prefix}GiveUpAfter must be positive, not {s.GiveUpAfter}.");
        if (s.BaseBackoff <= TimeSpan.Zero || s.MaxBackoff < s.BaseBackoff)
            errors.Add($"{Prefix}BaseBackoff must be positive and MaxBackoff at least BaseBackoff (now {s.BaseBackoff} and {s.MaxBackoff}).");
        if (s.BreakerFailureRatio is <= 0 or > 1)
            errors.Add($"{Prefix}BreakerFailureRatio must be above 0 and at most 1, not {s.BreakerFailureRatio}.");
        if (s.BreakerSamplingDuration < MinimumBreakerWindow)
            errors.Add($"{Prefix}BreakerSamplingDuration must be at least 00:00:00.5, not {s.BreakerSamplingDuration}.");
        if (s.BreakerBreakDuration < MinimumBreakerWindow)
            errors.Add($"{Prefix}BreakerBreakDuration must be at least 00:00:00.5, not {s.BreakerBreakDuration}.");
        if (s.MaxPerRecipientPerHour < 1)
            errors.Add($"{Prefix}MaxPerRecipientPerHour must be at least 1, not {s.MaxPerRecipientPerHour}.");
        var b = options.Budget;
        if (b.MaxPerRecipientPerDay < 1)
            errors.Add($"Notifications:Budget:MaxPerRecipientPerDay must be at least 1, not {b.MaxPerRecipientPerDay}.");
        if (b.UpdateBatchInterval <= TimeSpan.Zero)
            errors.Add($"Notifications:Budget:UpdateBatchInterval must be positive, not {b.UpdateBatchInterval}.");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(b.TimeZone, out _))
            errors.Add($"Notifications:Budget:TimeZone '{b.TimeZone}' is not a known time zone.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
