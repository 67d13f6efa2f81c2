namespace ATTT.Monitor.Testing;

/// <summary>
/// The machine's own clock, for the two kinds of test that talk to a part which reads it by design and
/// cannot be handed another: TLS, whose certificate check the operating system makes against its clock
/// (certificates valid from yesterday to tomorrow hold on every date), and a collector started as a
/// separate program (a batch stamped "sent now", which that collector only stores). Commands run
/// in-process take the test's clock instead (<c>CollectorCommandLine.RunAsync(…, time)</c>).
/// </summary>
public static class MachineClock
{
    public static TimeProvider Instance => TimeProvider.System;

    public static DateTimeOffset Now => TimeProvider.System.GetUtcNow();
}
