namespace ATTT.Monitor.Agent.State;

/// <summary>
/// Outside Windows there is no DPAPI: the token is kept as it is, and what protects it is that
/// the credentials file is created owner-only (0600, see <see cref="AtomicFile"/>).
/// </summary>
internal sealed class FilePermissionTokenProtector : ITokenProtector
{
    public string Name => "file-permissions";

    public byte[] Protect(byte[] secret) => secret;

    public byte[] Unprotect(byte[] protectedSecret) => protectedSecret;
}
