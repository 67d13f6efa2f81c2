namespace ATTT.Monitor.Sigma.Tests.Support;

/// <summary>
/// A generated search identifier: either OR over maps (each map an AND of items with distinct
/// keys), or a plain list of keywords when <see cref="Keywords"/> is set.
/// </summary>
internal sealed record GeneratedSearch(string Name, IReadOnlyList<IReadOnlyList<GeneratedItem>> Maps, IReadOnlyList<string>? Keywords = null);
