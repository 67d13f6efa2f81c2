namespace ATTT.Monitor.Agent.State;

/// <summary>Protects the agent's token at rest: DPAPI on Windows, owner-only file permissions elsewhere.</summary>
internal interface ITokenProtector
{
    /// <summary>The name saved beside the token, so the right protector is used to read it back.</summary>
    string Name { get; }

    byte[] Protect(byte[] secret);

    byte[] Unprotect(byte[] protectedSecret);
}
