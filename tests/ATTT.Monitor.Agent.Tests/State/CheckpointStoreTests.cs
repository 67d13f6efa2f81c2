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
