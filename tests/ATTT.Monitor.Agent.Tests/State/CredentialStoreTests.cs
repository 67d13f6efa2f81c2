using ATTT.Monitor.Agent.State;
using ATTT.Monitor.Agent.Tests.Support;
using ATTT.Monitor.Agent.Transport;

namespace ATTT.Monitor.Agent.Tests.State;

public sealed class CredentialStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Saved_credentials_are_loaded_after_a_restart()
    {
        new CredentialStore(_temp.Path, new FilePermissionTokenProtector()).Save(new EnrollmentResult("a_7", "tok-ên", "xa-sang-moc"));

        var loaded = new CredentialStore(_temp.Path, new FilePermissionTokenProtector()).Load();

        Assert.Equal(new AgentCredentials("a_7", "tok-ên"), loaded);
        Assert.Contains("\"protection\": \"file-permissions\"", File.ReadAllText(_temp.Combine(CredentialStore.FileName)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_credentials_file_of_the_earlier_agent_is_read()
    {
        // As the agent wrote it through System.Text.Json's source-generated serializer (PCs upgraded from such a version still hold this file); the token is base64.
        File.WriteAllText(_temp.Combine(CredentialStore.FileName), """
            {
              "agent_id": "a_12",
              "unit": "xa-sang-moc",
              "protection": "file-permissions",
              "token": "YmVuY2gtdG9rZW4="
            }
            """);

        var loaded = new CredentialStore(_temp.Path, new FilePermissionTokenProtector()).Load();

        Assert.Equal(new AgentCredentials("a_12", "bench-token"), loaded);
    }

    [Fact]
    public void A_damaged_credentials_file_is_reported_with_its_path()
    {
        File.WriteAllText(_temp.Combine(CredentialStore.FileName), "{\"agent_id\": 12}");

        var ex = Assert.Throws<InvalidDataException>(() => new CredentialStore(_temp.Path, new FilePermissionTokenProtector()).Load());
        Assert.Contains(CredentialStore.FileName, ex.Message, StringComparison.Ordinal);
    }
}
