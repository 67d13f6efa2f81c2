namespace ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;

/// <summary>
/// The desk's test classes share one <see cref="DeskSiteFixture"/> (one collector, one ingest of the
/// samples, one chromium) and run one after another, so a class that changes incidents is never
/// read half-way by another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DeskCollection : ICollectionFixture<DeskSiteFixture>
{
    public const string Name = "desk";
}
