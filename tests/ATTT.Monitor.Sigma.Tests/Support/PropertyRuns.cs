namespace ATTT.Monitor.Sigma.Tests.Support;

/// <summary>
/// How many cases a property samples: modest in CI, more with ATTT_SIGMA_PROPERTY_ITER=N for a
/// long hunt (ATTT_SIGMA_PROPERTY_SEED replays a failing seed printed by CsCheck).
/// </summary>
internal static class PropertyRuns
{
    public static long Iterations(long ci) =>
        long.TryParse(Environment.GetEnvironmentVariable("ATTT_SIGMA_PROPERTY_ITER"), out var n) && n > 0 ? n : ci;

    public static string? Seed => Environment.GetEnvironmentVariable("ATTT_SIGMA_PROPERTY_SEED") is { Length: > 0 } s ? s : null;
}
