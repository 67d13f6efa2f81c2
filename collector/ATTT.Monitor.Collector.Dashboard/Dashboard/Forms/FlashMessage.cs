using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ATTT.Monitor.Collector.Dashboard.Forms;

/// <summary>
/// What a form's POST tells the page it redirects to (post/redirect/get): a text key, whether it is
/// an error, and the values the text shows. Kept in TempData, a data-protected cookie read once, so
/// a reload of the page shows it no more and repeats nothing, and a one-time secret (a new password,
/// an enrollment code) never travels in a URL or a server log.
/// </summary>
internal sealed record FlashMessage(string Key, bool IsError, IReadOnlyList<string> Args)
{
    private const string Slot = "attt.flash";
    private const char Separator = '\u001f';

    public static void Set(ITempDataDictionary tempData, string key, bool isError = false, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        tempData[Slot] = string.Join(Separator, [isError ? "error" : "ok", key, .. args]);
    }

    /// <summary>The message left by the last POST, once; null when there is none.</summary>
    public static FlashMessage? Take(ITempDataDictionary tempData)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        if (tempData[Slot] is not string stored)
            return null;
        var parts = stored.Split(Separator);
        return parts.Length < 2 ? null : new FlashMessage(parts[1], parts[0] == "error", parts[2..]);
    }
}
