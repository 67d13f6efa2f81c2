namespace ATTT.Monitor.Collector.Notifications.Options;

public enum SmtpSecurity
{
    StartTls = 0,
    SslOnConnect = 1,
    None = 2,
}
