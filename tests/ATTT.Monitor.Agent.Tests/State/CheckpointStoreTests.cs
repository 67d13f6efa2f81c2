using ATTT.Monitor.Agent.State;
using ATTT.Monitor.Agent.Tests.Support;

namespace ATTT.Monitor.Agent.Tests.State;

public sealed class CheckpointStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void An_update_is_on_disk_at_once_and_survives_reopening()
    {
        var store = CheckpointStore.Open(_temp.Path);
        store.Update(c => c with { AckedSequence = 42, AckedPosition = "{\"file\":1}", DroppedPending = 3 });

        var reopened = CheckpointStore.Open(_temp.Path).Current;

        Assert.Equal(42, reopened.AckedSequence);
        Assert.Equal("{\"file\":1}", reopened.AckedPosition);
        Assert.Equal(3, reopened.DroppedPending);
        Assert.False(File.Exists(store.FilePath + ".tmp"));
    }

    [Fact]
    public void A_temp_file_left_by_a_crash_does_not_replace_the_checkpoint()
    {
        var store = CheckpointStore.Open(_temp.Path);
        store.Update(c => c with { AckedSequence = 7 });
        File.WriteAllText(store.FilePath + ".tmp", "{\"acked_seq");

        Assert.Equal(7, CheckpointStore.Open(_temp.Path).Current.AckedSequence);
    }

    [Fact]
    public void A_damaged_checkpoint_is_reported_with_its_path()
    {
        File.WriteAllText(_temp.Combine(CheckpointStore.FileName), "{not json");

        var ex = Assert.Throws<InvalidDataException>(() => CheckpointStore.Open(_temp.Path));
        Assert.Contains(CheckpointStore.FileName, ex.Message);
    }

    [Fact]
    public void A_checkpoint_file_of_the_earlier_agent_is_read_with_every_value()
    {
        // As the agent wrote it through System.Text.Json's source-generated serializer: PCs upgraded from such a version still hold this file.
        File.WriteAllText(_temp.Combine(CheckpointStore.FileName), """
            {
              "acked_sequence": 42,
              "acked_position": "{\u0022file\u0022:\u0022a.evtx\u0022,\u0022records\u0022:7}",
              "dropped_pending": 3,
              "dropped_total": 5,
              "last_error": "The collector cannot be reached: Connection refused (127.0.0.1:5443)",
              "last_error_at": "2026-11-27T03:14:59.1234567+00:00",
              "last_ack_at": "2026-11-27T03:15:00+07:00",
              "some_later_key": [1, 2]
            }
            """);

        var c = CheckpointStore.Open(_temp.Path).Current;

        Assert.Equal(42, c.AckedSequence);
        Assert.Equal("{\"file\":\"a.evtx\",\"records\":7}", c.AckedPosition);
        Assert.Equal(3, c.DroppedPending);
        Assert.Equal(5, c.DroppedTotal);
        Assert.Equal("The collector cannot be reached: Connection refused (127.0.0.1:5443)", c.LastError);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 3, 14, 59, TimeSpan.Zero).AddTicks(1234567), c.LastErrorAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 3, 15, 0, TimeSpan.FromHours(7)), c.LastAckAt);
    }

    [Fact]
    public void The_file_has_snake_case_keys_and_leaves_out_what_is_not_set()
    {
        var store = CheckpointStore.Open(_temp.Path);
        var at = new DateTimeOffset(2026, 11, 27, 3, 15, 0, TimeSpan.Zero);
        store.Update(c => c with { AckedSequence = 9, DroppedTotal = 2, LastAckAt = at, LastError = "lỗi \"x\"" });

        var text = File.ReadAllText(store.FilePath);
        var reopened = CheckpointStore.Open(_temp.Path).Current;

        Assert.Contains("\"acked_sequence\": 9", text, StringComparison.Ordinal);
        Assert.Contains("\"last_ack_at\": \"2026-11-27T03:15:00+00:00\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("acked_position", text, StringComparison.Ordinal);
        Assert.DoesNotContain("last_error_at", text, StringComparison.Ordinal);
        Assert.Equal(store.Current, reopened);
    }

    [Theory]
    [InlineData("{\"acked_sequence\": \"42\"}", "acked_sequence")]
    [InlineData("{\"last_ack_at\": \"yesterday\"}", "last_ack_at")]
    [InlineData("[1, 2]", "object")]
    public void A_value_of_the_wrong_type_is_reported_as_damage(string json, string named)
    {
        File.WriteAllText(_temp.Combine(CheckpointStore.FileName), json);

        var ex = Assert.Throws<InvalidDataException>(() => CheckpointStore.Open(_temp.Path));
        Assert.Contains(CheckpointStore.FileName, ex.Message, StringComparison.Ordinal);
        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_checkpoint_file_is_readable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix permissions only.");
            return;
        }

        var store = CheckpointStore.Open(_temp.Path);
        store.Update(c => c with { AckedSequence = 1 });

        Assert.Equal(AtomicFile.OwnerOnly, File.GetUnixFileMode(store.FilePath));
    }
}
