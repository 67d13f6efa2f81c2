using ATTT.Monitor.Collector.Dashboard.Localization;
using ATTT.Monitor.Collector.Search;

namespace ATTT.Monitor.Collector.Dashboard.EventViews;

/// <summary>A filter error in the user's language, naming the filter by its label on the form.</summary>
internal static class EventSearchMessages
{
    public static string Of(DashboardText text, EventSearchException error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(error);
        return text.Format("Events.Error." + error.Problem, text["Events.Param." + error.Parameter], error.Value ?? "");
    }
}
