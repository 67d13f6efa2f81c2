using System.Security.Claims;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Incidents.Hosts;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Dashboard.Workstations;

/// <summary>
/// Every host a user may see, for the PCs list: the enrolled PCs (through <see cref="PcDirectory"/>),
/// then the hosts with no agent enrolled under their name that incidents or stored events name.
/// The user's units are applied here to every source, whatever the source returned, so a page never
/// sees another unit's host. Both lists come in a stable order (unit, then host name without case),
/// so that page numbers keep their rows while nothing is added.
/// </summary>
public sealed class PcList(PcDirectory directory, IncidentHostDirectory? incidentHosts = null, IEventHosts? eventHosts = null)
{
    public const int PageSize = 50;

    public bool HasPosture => directory.HasPosture;

    /// <summary>False when the store cannot list the hosts its events name (Elasticsearch); the list then shows incident hosts only.</summary>
    public bool ListsEventHosts => eventHosts is not null;

    /// <summary>Enrolled PCs of the user's units; null when the registry is not available.</summary>
    public Task<IReadOnlyList<PcSummary>?> EnrolledAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        directory.ListAsync(user, cancellationToken);

    /// <summary>The hosts of the user's units that no enrolled PC of the same unit is named after.</summary>
    public async Task<IReadOnlyList<OtherHost>> OthersAsync(ClaimsPrincipal user, IReadOnlyList<PcSummary> enrolled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(enrolled);
        var scope = UnitScope.FromUser(user);
        var taken = enrolled.Select(p => Key(p.Agent.Unit, p.Agent.Host)).ToHashSet();
        var byKey = new Dictionary<(string, string), OtherHost>();
        if (incidentHosts is { } incidents)
        {
            foreach (var h in await incidents.ListAsync(scope, cancellationToken).ConfigureAwait(false))
            {
                if (scope.Allows(h.Unit) && !taken.Contains(Key(h.Unit, h.Host)))
                    byKey.TryAdd(Key(h.Unit, h.Host), new OtherHost(h.Unit, h.Host, h, false));
            }
        }

        if (eventHosts is { } events)
        {
            foreach (var h in await events.ListAsync(scope.Units, cancellationToken).ConfigureAwait(false))
            {
                var key = Key(h.Unit, h.Host);
                if (!scope.Allows(h.Unit) || taken.Contains(key))
                    continue;
                byKey[key] = byKey.TryGetValue(key, out var named) ? named with { SeenInEvents = true } : new OtherHost(h.Unit, h.Host, null, true);
            }
        }

        return [.. byKey.Values.OrderBy(h => h.Unit, StringComparer.Ordinal).ThenBy(h => h.Host, StringComparer.OrdinalIgnoreCase).ThenBy(h => h.Host, StringComparer.Ordinal)];
    }

    /// <summary>Whether stored events of <paramref name="unit"/> name <paramref name="host"/> (the host page of a host no incident names).</summary>
    public async Task<bool> SeenInEventsAsync(ClaimsPrincipal user, string unit, string host, CancellationToken cancellationToken)
    {
        var scope = UnitScope.FromUser(user);
        if (eventHosts is not { } events || !scope.Allows(unit))
            return false;
        var hosts = await events.ListAsync([unit], cancellationToken).ConfigureAwait(false);
        return hosts.Any(h => h.Unit == unit && string.Equals(h.Host, host, StringComparison.OrdinalIgnoreCase));
    }

    private static (string Unit, string Host) Key(string unit, string host) => (unit, host.ToUpperInvariant());
}
