namespace ATTT.Monitor.Collector.Dashboard.Security;

/// <summary>
/// Puts <see cref="PasswordChangeGate"/> at the start of the pipeline, ahead of routing and
/// authorization, so a one-time-password session gets the gate's answer on every route (also the
/// ones its role could not use anyway) instead of a role refusal that does not say what to do.
/// </summary>
internal sealed class PasswordChangeGateStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<PasswordChangeGate>();
        next(app);
    };
}
