using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ATTT.Monitor.Testing;

/// <summary>
/// A real SMTP server on 127.0.0.1 (the SmtpServer package) with STARTTLS on a self-signed
/// certificate made here, and required authentication. It can be stopped and started again on the
/// same port, and told to answer the DATA command with a 4xx or 5xx reply.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    public const string User = "attt";
    public const string Password = "mật-khẩu-thử";

    private readonly X509Certificate2 _certificate;
    private CancellationTokenSource? _stop;
    private SmtpServer.SmtpServer? _server;
    private Task? _running;

    public LoopbackSmtpServer()
    {
        Port = FreePort();
        _certificate = CreateCertificate();
        Thumbprint = Convert.ToHexString(SHA256.HashData(_certificate.RawData));
    }

    public int Port { get; }

    public string Thumbprint { get; }

    public ConcurrentQueue<ReceivedMail> Received { get; } = new();

    /// <summary>Reply given to DATA; null accepts the message.</summary>
    public SmtpResponse? DataReply { get; set; }

    public int AuthenticatedSessions;

    public Dictionary<string, string?> Settings() => new()
    {
        ["Notifications:Smtp:Host"] = "127.0.0.1",
        ["Notifications:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications:Smtp:Security"] = "StartTls",
        ["Notifications:Smtp:Username"] = User,
        ["Notifications:Smtp:Password"] = Password,
        ["Notifications:Smtp:From"] = "attt@sangmoc.thainguyen.gov.vn",
        ["Notifications:Smtp:FromName"] = "ATTT Monitor xã Sảng Mộc",
        ["Notifications:Smtp:TrustedCertificateThumbprint"] = Thumbprint,
        ["Notifications:Smtp:Timeout"] = "00:00:10",
    };

    public Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).Certificate(_certificate).AllowUnsecureAuthentication(false).AuthenticationRequired(true))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        services.Add(new DelegatingUserAuthenticator((user, password) =>
        {
            var ok = user == User && password == Password;
            if (ok)
                Interlocked.Increment(ref AuthenticatedSessions);
            return ok;
        }));
        _stop = new CancellationTokenSource();
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
        return WaitUntilListeningAsync();
    }

    public async Task StopAsync()
    {
        if (_stop is null)
            return;
        await _stop.CancelAsync();
        _server!.Shutdown();
        try
        {
            await _running!;
            await _server.ShutdownTask;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _stop = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _certificate.Dispose();
    }

    private Task WaitUntilListeningAsync() =>
        Eventually.UntilAsync(async () =>
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }, $"the test SMTP server to listen on port {Port}");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        // TLS checks the certificate against the machine's clock.
        using var created = request.CreateSelfSigned(MachineClock.Now.AddDays(-1), MachineClock.Now.AddDays(1));
        // Re-load from PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    public sealed record ReceivedMail(string From, IReadOnlyList<string> Envelope, MimeMessage Message);

    private sealed class Store(LoopbackSmtpServer owner) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (owner.DataReply is { } reply)
                return Task.FromResult(reply);
            using var stream = new MemoryStream(buffer.ToArray());
            var message = MimeMessage.Load(stream, cancellationToken);
            owner.Received.Enqueue(new ReceivedMail(
                $"{transaction.From.User}@{transaction.From.Host}",
                [.. transaction.To.Select(t => $"{t.User}@{t.Host}")],
                message));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
