namespace ATTT.Monitor.Collector.Dashboard;

/// <summary>
/// Resolves the services of the areas whose data the dashboard shows. An area that is not built
/// (or registered without what it depends on) yields null, and the page says the feature is not
/// available instead of failing as a whole.
/// </summary>
public sealed class NeighbourServices(IServiceProvider services, ILogger<NeighbourServices> logger)
{
    public T? Get<T>()
        where T : class
    {
        try
        {
            return services.GetService<T>();
        }
        catch (InvalidOperationException e)
        {
            logger.LogWarning(e, "The dashboard cannot use {Service}; its page shows it as not available", typeof(T).Name);
            return null;
        }
    }
}
