namespace ATTT.Monitor.Collector.Tests.Access.Support;

/// <summary>How a request is sent: a plain GET, a dashboard form (with its antiforgery token), a JSON body.</summary>
internal enum MatrixRequest
{
    Get = 0,
    Form = 1,
    Json = 2,
}

/// <summary>
/// One line of the authorization matrix: the endpoint or page handler (<see cref="EndpointInventory.Key"/>),
/// the request that exercises it (path and fields with placeholders such as {incident}, filled from
/// the seeded targets, which all belong to commune A), and the expected outcome for each principal
/// in the order of <see cref="AuthorizationMatrix.Principals"/>, one letter of <see cref="MatrixOutcome"/> each.
/// </summary>
internal sealed record MatrixRow(string Key, MatrixRequest Kind, string Path, string Expected, IReadOnlyDictionary<string, string>? Fields = null, string? Json = null)
{
    public string Method => Key[..Key.IndexOf(' ', StringComparison.Ordinal)];
}
