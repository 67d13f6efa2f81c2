namespace ATTT.Monitor.Testing;

/// <summary>
/// The machine's own clock, for the few tests that talk to a part which reads it by design: a command
/// such as <c>attt agents enroll-code</c> run in-process, a collector or agent started as a separate
/// program, or TLS, whose certificate check the operating system makes against its clock. Such a test
/// must compare against the same clock, and asserts only what holds on every date (a code valid for
/// 30 minutes and used at once; a certificate valid from yesterday to tomorrow).
/// </summary>
public static class MachineClock
{
    public static TimeProvider Instance => TimeProvider.System;

    public static DateTimeOffset Now => TimeProvider.System.GetUtcNow();
}
