using ATTT.Monitor.Collector.Hosting;

namespace ATTT.Monitor.Collector.Tests.Hosting;

public sealed class ListenAddressesTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    [InlineData("http://127.0.0.2:0")]
    public void Plain_http_on_loopback_is_allowed(string url) => ListenAddresses.Check([url], new CollectorOptions());

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://192.168.1.10:5080")]
    public void Plain_http_elsewhere_is_refused_with_one_sentence_unless_allowed(string url)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ListenAddresses.Check([url], new CollectorOptions()));
        Assert.Contains("Collector:AllowPlainHttp=true", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        ListenAddresses.Check([url], new CollectorOptions { AllowPlainHttp = true });
    }

    [Fact]
    public void Https_needs_a_certificate()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ListenAddresses.Check(["https://0.0.0.0:5443"], new CollectorOptions()));
        Assert.Contains("Collector:Https:CertificatePath", error.Message, StringComparison.Ordinal);
        ListenAddresses.Check(["https://0.0.0.0:5443"], new CollectorOptions { Https = { CertificatePath = "/etc/attt/collector.pfx" } });
    }
}
