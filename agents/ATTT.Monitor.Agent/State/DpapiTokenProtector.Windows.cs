using System.Runtime.Versioning;
using System.Security.Cryptography;

namespace ATTT.Monitor.Agent.State;

/// <summary>
/// DPAPI, machine scope: the service runs as LocalSystem, and a copied credentials file is useless
/// on another PC. The entropy ties the blob to this product.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class DpapiTokenProtector : ITokenProtector
{
    private static readonly byte[] Entropy = "ATTT.Monitor.Agent/token/v1"u8.ToArray();

    public string Name => "dpapi";

    public byte[] Protect(byte[] secret) => ProtectedData.Protect(secret, Entropy, DataProtectionScope.LocalMachine);

    public byte[] Unprotect(byte[] protectedSecret) => ProtectedData.Unprotect(protectedSecret, Entropy, DataProtectionScope.LocalMachine);
}
