using ATTT.Monitor.Agent.Tests.Support;
using ATTT.Monitor.Agent.Transport;

namespace ATTT.Monitor.Agent.Tests.Transport;

public sealed class CertificatePinningTests
{
    [Fact]
    public async Task A_self_signed_collector_is_trusted_through_its_public_key_pin()
    {
        using var cert = TestCertificates.SelfSigned();
        await using var collector = await LoopbackCollector.StartAsync(cert);
        var pin = CertificatePinning.PublicKeyPin(cert);
        using var client = TransportBuilder.Client(collector.Url, TransportBuilder.FastOptions(pin));

        var outcome = await client.SendBatchAsync(TransportBuilder.Credentials, 1, 0, TransportBuilder.EventsJson(1), TestContext.Current.CancellationToken);

        Assert.StartsWith("https://", collector.Url.ToString(), StringComparison.Ordinal);
        Assert.Equal(SendStatus.Accepted, outcome.Status);
    }

    [Fact]
    public async Task A_certificate_pin_with_colons_works_too()
    {
        using var cert = TestCertificates.SelfSigned();
        await using var collector = await LoopbackCollector.StartAsync(cert);
        var pin = string.Join(':', CertificatePinning.CertificatePin(cert).Chunk(2).Select(c => new string(c)).ToArray()).ToLowerInvariant();
        using var client = TransportBuilder.Client(collector.Url, TransportBuilder.FastOptions(pin));

        var outcome = await client.SendBatchAsync(TransportBuilder.Credentials, 1, 0, TransportBuilder.EventsJson(1), TestContext.Current.CancellationToken);

        Assert.Equal(SendStatus.Accepted, outcome.Status);
    }

    [Fact]
    public async Task A_wrong_pin_or_no_pin_refuses_the_self_signed_collector()
    {
        using var cert = TestCertificates.SelfSigned();
        await using var collector = await LoopbackCollector.StartAsync(cert);
        var ct = TestContext.Current.CancellationToken;
        using var wrongPin = TransportBuilder.Client(collector.Url, TransportBuilder.FastOptions(new string('A', 64)));
        using var noPin = TransportBuilder.Client(collector.Url);

        var wrong = await wrongPin.SendBatchAsync(TransportBuilder.Credentials, 1, 0, TransportBuilder.EventsJson(1), ct);
        var none = await noPin.SendBatchAsync(TransportBuilder.Credentials, 1, 0, TransportBuilder.EventsJson(1), ct);

        Assert.Equal(SendStatus.Unavailable, wrong.Status);
        Assert.Equal(SendStatus.Unavailable, none.Status);
        Assert.Empty(collector.Batches);
    }

    [Fact]
    public void A_malformed_pin_is_named_in_the_error()
    {
        var ex = Assert.Throws<FormatException>(() => CertificatePinning.NormalizePin("12:34"));
        Assert.Contains("12:34", ex.Message, StringComparison.Ordinal);
    }
}
