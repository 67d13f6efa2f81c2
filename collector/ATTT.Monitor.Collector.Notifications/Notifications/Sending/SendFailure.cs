using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace ATTT.Monitor.Collector.Notifications.Sending;

/// <summary>
/// Sorts send failures: a 5xx reply to the message or its recipient is permanent (the message goes
/// dead at once and is shown); 4xx replies, network errors, timeouts and TLS or login problems are
/// transient (retried with back-off until the attempt limit, then dead).
/// </summary>
internal static class SendFailure
{
    public static bool IsPermanent(Exception ex) => ex is SmtpCommandException smtp && (int)smtp.StatusCode >= 500;

    public static bool IsTransient(Exception ex) => ex switch
    {
        SmtpCommandException smtp => (int)smtp.StatusCode < 500,
        SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException => true,
        AuthenticationException or SslHandshakeException => true,
        IOException or SocketException or TimeoutException => true,
        OperationCanceledException => false,
        _ => false,
    };

    public static string Describe(Exception ex) => ex switch
    {
        SmtpCommandException smtp => $"SMTP {(int)smtp.StatusCode} ({smtp.ErrorCode}): {smtp.Message}",
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };
}
