using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ATTT.Monitor.Collector.Hosting;
using ATTT.Monitor.Collector.Tests.Support;

namespace ATTT.Monitor.Collector.Tests.Hosting;

/// <summary>The collector serving HTTPS with a configured certificate (self-signed, made here).</summary>
public sealed class HttpsServeTests
{
    [Fact]
    public async Task The_collector_serves_https_with_the_configured_certificate()
    {
        using var folder = new TempFolder();
        var pfx = Path.Combine(folder.Path, "collector.pfx");
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=attt-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
            // TLS checks the certificate against the machine's clock.
            using var certificate = request.CreateSelfSigned(MachineClock.Now.AddDays(-1), MachineClock.Now.AddDays(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "mật-khẩu"), TestContext.Current.CancellationToken);
        }

        var data = Path.Combine(folder.Path, "data");
        await using var app = CollectorHost.Build(new ServeOptions(data, "https://127.0.0.1:0", null),
            [$"--Collector:Https:CertificatePath={pfx}", "--Collector:Https:CertificatePassword=mật-khẩu"]);
        using var stop = new CancellationTokenSource();
        var stdout = new FirstLineWriter();
        var run = CollectorHost.RunAsync(app, stdout, stop.Token);
        if (await Task.WhenAny(stdout.FirstLine, run).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken) == run)
            await run;
        var first = await stdout.FirstLine;
        Assert.StartsWith("ATTT Monitor dashboard: https://127.0.0.1:", first, StringComparison.Ordinal);

        string? seenSubject = null;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, _) => { seenSubject = cert?.Subject; return true; },
        };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(first["ATTT Monitor dashboard: ".Length..]) };
        using var response = await client.PostAsync("/api/v1/events", TestCollector.Json("{}"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("CN=attt-test", seenSubject);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
