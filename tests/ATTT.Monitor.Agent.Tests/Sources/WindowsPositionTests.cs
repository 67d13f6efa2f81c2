using ATTT.Monitor.Agent.Sources;
using ATTT.Monitor.Agent.Sources.EventLog;

namespace ATTT.Monitor.Agent.Tests.Sources;

public sealed class WindowsPositionTests
{
    [Fact]
    public void A_position_round_trips_through_its_text_form_with_a_bookmark_per_channel()
    {
        var position = WindowsPosition.Empty.With("Security", 123456).With("Microsoft-Windows-Sysmon/Operational", 42);

        var text = position.Serialize();
        var parsed = WindowsPosition.Parse(text);

        Assert.Equal(123456, parsed.After("security"));
        Assert.Equal(42, parsed.After("Microsoft-Windows-Sysmon/Operational"));
        Assert.Equal(0, parsed.After("System"));
        Assert.Contains("BookmarkList", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_position_saved_before_bookmarks_is_still_read() =>
        Assert.Equal(99, WindowsPosition.Parse("{\"Security\":99}").After("Security"));

    [Fact]
    public void A_bookmark_is_in_the_shape_EvtRender_gives_and_reads_back()
    {
        // EvtRender(EvtRenderBookmark) on Windows 10 gives this text (CRLF, single quotes).
        const string Recorded = "<BookmarkList>\r\n  <Bookmark Channel='Security' RecordId='8210' IsCurrent='true'/>\r\n</BookmarkList>";

        Assert.Equal(Recorded, BookmarkXml.For("Security", 8210));
        Assert.True(BookmarkXml.TryRead(Recorded, "security", out var id));
        Assert.Equal(8210, id);
        Assert.False(BookmarkXml.TryRead(Recorded, "System", out _));
        Assert.False(BookmarkXml.TryRead("<BookmarkList><Bookmark", "Security", out _));
        Assert.Contains("Channel='A&amp;B'", BookmarkXml.For("A&B", 1), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"Security\":\"x\"")]
    [InlineData("{\"Security\":{\"record_id\":5,\"bookmark\":\"not xml\"}}")]
    [InlineData("{\"Security\":{\"bookmark\":\"<BookmarkList/>\"}}")]
    public void A_damaged_position_is_reported(string text) =>
        Assert.Throws<InvalidDataException>(() => WindowsPosition.Parse(text));
}
