using System.Text;
using System.Text.Json;
using ATTT.Monitor.Agent.Transport;

namespace ATTT.Monitor.Agent.State;

/// <summary>
/// <c>credentials.json</c> in the state folder: the agent id and its protected token, written once
/// after enrollment (crash-safe, owner-only). A restart with the same one-time code reuses it.
/// </summary>
internal sealed class CredentialStore
{
    public const string FileName = "credentials.json";
    private readonly string _path;
    private readonly ITokenProtector _protector;

    public CredentialStore(string stateDirectory, ITokenProtector protector)
    {
        _path = Path.Combine(stateDirectory, FileName);
        _protector = protector;
    }

    public static ITokenProtector PlatformProtector() =>
        OperatingSystem.IsWindows() ? new DpapiTokenProtector() : new FilePermissionTokenProtector();

    public AgentCredentials? Load()
    {
        var bytes = AtomicFile.TryReadAllBytes(_path);
        if (bytes is null)
            return null;
        StoredCredentials? stored;
        try
        {
            stored = StateFileJson.ReadCredentials(bytes);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The credentials file {_path} is damaged: {ex.Message}", ex);
        }

        if (stored is null || stored.Token.Length == 0)
            throw new InvalidDataException($"The credentials file {_path} has no token.");
        if (!string.Equals(stored.Protection, _protector.Name, StringComparison.Ordinal))
            throw new InvalidDataException($"The credentials file {_path} was protected with '{stored.Protection}', which this system cannot read; enroll again.");
        var token = Encoding.UTF8.GetString(_protector.Unprotect(Convert.FromBase64String(stored.Token)));
        return new AgentCredentials(stored.AgentId, token);
    }

    public void Save(Events.Wire.Agents.EnrollResponse enrollment)
    {
        ArgumentNullException.ThrowIfNull(enrollment);
        var stored = new StoredCredentials
        {
            AgentId = enrollment.AgentId,
            Unit = enrollment.Unit,
            Protection = _protector.Name,
            Token = Convert.ToBase64String(_protector.Protect(Encoding.UTF8.GetBytes(enrollment.Token))),
        };
        AtomicFile.WriteAllBytes(_path, StateFileJson.Write(stored));
    }

    /// <summary>
    /// A token file given with <c>--token-file</c>: either this store's JSON shape
    /// (<c>{"agent_id":…,"token":…}</c>) or the bare token on one line.
    /// </summary>
    public static AgentCredentials ReadTokenFile(string path, string? knownAgentId)
    {
        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"The token file {path} cannot be read: {ex.Message}", ex);
        }

        if (text.Length == 0)
            throw new InvalidDataException($"The token file {path} is empty.");
        if (text[0] != '{')
            return new AgentCredentials(knownAgentId ?? "", text);
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            var token = root.TryGetProperty("token", out var t) ? t.GetString() : null;
            var agentId = root.TryGetProperty("agent_id", out var a) ? a.GetString() : null;
            if (string.IsNullOrEmpty(token))
                throw new InvalidDataException($"The token file {path} has no \"token\".");
            return new AgentCredentials(agentId ?? knownAgentId ?? "", token);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The token file {path} is not valid JSON: {ex.Message}", ex);
        }
    }
}
