using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Outbox;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Tests.Notifications;

/// <summary>Notifications:Sender settings: zero retries is a valid choice, nonsense is named by its key.</summary>
public sealed class SenderOptionsTests
{
    [Fact]
    public async Task Zero_immediate_retries_sends_with_one_try_per_attempt()
    {
        await using var smtp = new LoopbackSmtpServer();
        await smtp.StartAsync();
        var settings = smtp.Settings();
        settings["Notifications:Sender:ImmediateRetries"] = "0";
        await using var h = await NotificationsHarness.StartAsync(settings);
        await h.ChangeAsync(IncidentChanges.Opened(severity: IncidentSeverity.High));

        await h.Sender.ProcessDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(4, smtp.Received.Count);
        Assert.All(await h.RowsAsync(), r => Assert.Equal(OutboxStatus.Sent, r.Status));
    }

    [Theory]
    [InlineData("ImmediateRetries", "-1")]
    [InlineData("GiveUpAfter", "00:00:00")]
    [InlineData("BreakerFailureRatio", "1.5")]
    [InlineData("BreakerBreakDuration", "00:00:00.1")]
    [InlineData("MaxPerRecipientPerHour", "0")]
    public async Task A_bad_sender_setting_fails_with_its_configuration_key(string key, string value)
    {
        await using var h = await NotificationsHarness.StartAsync(new Dictionary<string, string?> { ["Notifications:Sender:" + key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => h.Sender);

        Assert.Contains("Notifications:Sender:" + key, error.Message, StringComparison.Ordinal);
    }
}
