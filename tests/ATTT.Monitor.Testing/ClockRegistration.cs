using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ATTT.Monitor.Testing;

public static class ClockRegistration
{
    /// <summary>
    /// Makes <paramref name="clock"/> the only TimeProvider of a service collection: every area, the
    /// dashboard's cookies and Quartz's scheduler then read the test's clock, never the machine's.
    /// </summary>
    public static IServiceCollection UseClock(this IServiceCollection services, TimeProvider clock)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton(clock);
        return services;
    }
}
