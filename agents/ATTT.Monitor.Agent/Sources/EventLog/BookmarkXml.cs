using System.Globalization;
using System.Xml;

namespace ATTT.Monitor.Agent.Sources.EventLog;

/// <summary>
/// A Windows event log bookmark in the XML form EvtRender(EvtRenderBookmark) gives and EvtCreateBookmark
/// takes: <c>&lt;BookmarkList&gt;&lt;Bookmark Channel='Security' RecordId='12345' IsCurrent='true'/&gt;&lt;/BookmarkList&gt;</c>.
/// The agent saves one per channel with the checkpoint, once the collector acknowledged the events up
/// to it, and resumes after it (EvtCreateBookmark, then EvtSeek relative to it; winlogbeat builds its
/// bookmarks from a record id the same way).
/// </summary>
internal static class BookmarkXml
{
    public static string For(string channel, long recordId)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return string.Create(CultureInfo.InvariantCulture,
            $"<BookmarkList>\r\n  <Bookmark Channel='{System.Security.SecurityElement.Escape(channel)}' RecordId='{recordId}' IsCurrent='true'/>\r\n</BookmarkList>");
    }

    /// <summary>The record id of <paramref name="channel"/>'s bookmark in <paramref name="xml"/>; false when it has none or is not a bookmark list.</summary>
    public static bool TryRead(string? xml, string channel, out long recordId)
    {
        recordId = 0;
        if (string.IsNullOrEmpty(xml))
            return false;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Bookmark")
                    continue;
                if (string.Equals(reader.GetAttribute("Channel"), channel, StringComparison.OrdinalIgnoreCase)
                    && long.TryParse(reader.GetAttribute("RecordId"), NumberStyles.None, CultureInfo.InvariantCulture, out recordId))
                    return true;
            }
        }
        catch (XmlException)
        {
            return false;
        }

        return false;
    }
}
