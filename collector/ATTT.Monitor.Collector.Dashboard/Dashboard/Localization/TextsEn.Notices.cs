namespace ATTT.Monitor.Collector.Dashboard.Localization;

internal static partial class TextsEn
{
    // Texts of the overview's notices panel and of giving up an undelivered message.
    private static Dictionary<string, string> Notices => new()
    {
        ["Notices.Title"] = "Incident notices",
        ["Notices.Undelivered"] = "{0} undelivered messages ({1} to the authorities): an administrator must send them again or give them up.",
        ["Notices.Retrying"] = "{0} messages waiting to be retried ({1} to the authorities), the oldest since {2}.",
        ["Notices.Template"] = "The mail template {0} is broken: {1}. The shipped template is used until it is fixed.",
        ["Notices.TemplateNoFallback"] = "The mail template {0} is broken: {1}. Messages of this kind cannot be written.",
        ["Notices.Reader"] = "The \"{0}\" reader is stuck on incident journal entry #{1} ({2} attempts): {3}",
        ["Notices.Behind"] = "The \"{0}\" reader has {1} incident changes still to handle.",
        ["Notices.AllGood"] = "Every notice has been sent; the templates are valid.",
        ["Notices.DeadLetters"] = "See undelivered messages",
        ["DeadLetters.GiveUp"] = "Give up (never send)",
        ["DeadLetters.GivenUp"] = "Message given up",
        // A reporting deadline's time left, on the overview, the incident and its report.
        ["Deadline.Met"] = "met",
        ["Deadline.StoppedFalsePositive"] = "stopped (false positive)",
        ["Deadline.StoppedResolved"] = "stopped (incident resolved)",
        ["Deadline.Left"] = "{0} left",
        ["Deadline.Overdue"] = "overdue by {0}",
        ["Deadline.DaysHours"] = "{0} d {1} h",
        ["Deadline.HoursMinutes"] = "{0} h {1} min",
        ["Deadline.Minutes"] = "{0} min",
    };
}
