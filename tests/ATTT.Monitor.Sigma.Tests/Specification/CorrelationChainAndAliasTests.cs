using ATTT.Monitor.Sigma.Tests.Support;

namespace ATTT.Monitor.Sigma.Tests.Specification;

/// <summary>The specification's complete example (a chain of correlations) and its field-name aliases example.</summary>
public class CorrelationChainAndAliasTests
{
    // "Failed Logins Followed by Successful Login", verbatim from the correlation specification.
    private const string Chain = """
        title: Correlation - Multiple Failed Logins Followed by Successful Login
        id: b180ead8-d58f-40b2-ae54-c8940995b9b6
        status: experimental
        description: Detects multiple failed logins by a single user followed by a successful login of that user
        references:
            - https://reference.com
        author: Florian Roth (Nextron Systems)
        date: 2023-06-16
        correlation:
            type: temporal_ordered
            rules:
                - multiple_failed_login
                - successful_login
            group-by:
                - User
            timespan: 10m
        falsepositives:
            - Unlikely
        level: high
        ---
        title: Multiple failed logons
        id: a8418a5a-5fc4-46b5-b23b-6c73beb19d41
        description: Detects multiple failed logins within a certain amount of time
        name: multiple_failed_login
        correlation:
            type: event_count
            rules:
                - failed_login
            group-by:
                - User
            timespan: 10m
            condition:
                gte: 10
        ---
        title: Single failed login
        id: 53ba33fd-3a50-4468-a5ef-c583635cfa92
        name: failed_login
        logsource:
            product: windows
            service: security
        detection:
            selection:
                EventID:
                    - 529
                    - 4625
            condition: selection
        ---
        title: Successful login
        id: 4d0a2c83-c62c-4ed4-b475-c7e23a9269b8
        description: Detects a successful login
        name: successful_login
        logsource:
            product: windows
            service: security
        detection:
            selection:
                EventID:
                    - 528
                    - 4624
            condition: selection
        """;

    private static Events.EventRecord Logon(int id, string user, double minutes) => CorrelationRun.Event("Security", id, minutes, ("User", user));

    [Fact]
    public void Ten_failed_logins_then_a_success_of_the_same_user_fire_the_chain()
    {
        var failures = Enumerable.Range(0, 10).Select(i => Logon(4625, "admin", i * 0.5));
        var run = new CorrelationRun(Chain).Feed(failures).Feed([Logon(4624, "admin", 6)]);
        Assert.Equal(["a8418a5a-5fc4-46b5-b23b-6c73beb19d41", "b180ead8-d58f-40b2-ae54-c8940995b9b6"], run.Fired.Select(d => d.Rule.Id));
        var top = run.Fired[^1];
        Assert.Equal(SigmaLevel.High, top.Rule.Level);
        Assert.Equal("admin", top.Group!["User"]);
        Assert.False(run.Rules.Rules.Single(r => r.Name == "failed_login").GeneratesAlerts);
    }

    [Fact]
    public void The_chain_needs_the_same_user_and_the_order()
    {
        var failures = Enumerable.Range(0, 10).Select(i => Logon(4625, "admin", i * 0.5));
        Assert.DoesNotContain(new CorrelationRun(Chain).Feed(failures).Feed([Logon(4624, "other", 6)]).Fired,
            d => d.Rule.Id == "b180ead8-d58f-40b2-ae54-c8940995b9b6");
        var successFirst = new CorrelationRun(Chain).Feed([Logon(4624, "admin", 0)]).Feed(Enumerable.Range(0, 10).Select(i => Logon(4625, "admin", 1 + i * 0.5)));
        Assert.DoesNotContain(successFirst.Fired, d => d.Rule.Id == "b180ead8-d58f-40b2-ae54-c8940995b9b6");
        Assert.Single(successFirst.Of("a8418a5a-5fc4-46b5-b23b-6c73beb19d41"));
    }

    // The specification's aliases example: the internal address is destination.ip in one rule's
    // events and source.ip in the other's.
    private const string Aliases = """
        title: Internal error
        name: internal_error
        logsource: { product: windows, service: application }
        detection:
            selection:
                http.response.status_code: 500
            condition: selection
        ---
        title: New network connection
        name: new_network_connection
        logsource: { product: windows, service: application }
        detection:
            selection:
                event.category: network
                event.type: connection
                event.outcome: success
            condition: selection
        ---
        title: Error then connection between the same hosts
        id: 9a1b2c3d-0000-4000-8000-00000000a1a5
        correlation:
            type: temporal
            rules:
                - internal_error
                - new_network_connection
            group-by:
                - internal_ip
                - remote_ip
            timespan: 10s
            aliases:
                internal_ip:
                    internal_error: destination.ip
                    new_network_connection: source.ip
                remote_ip:
                    internal_error: source.ip
                    new_network_connection: destination.ip
        """;

    private static Events.EventRecord Error(string source, string destination, double seconds) =>
        CorrelationRun.Event("Application", 1, seconds / 60, ("http.response.status_code", "500"), ("source.ip", source), ("destination.ip", destination));

    private static Events.EventRecord Connection(string source, string destination, double seconds) =>
        CorrelationRun.Event("Application", 2, seconds / 60, ("event.category", "network"), ("event.type", "connection"),
            ("event.outcome", "success"), ("source.ip", source), ("destination.ip", destination));

    [Fact]
    public void Aliases_group_different_fields_of_different_rules()
    {
        var run = new CorrelationRun(Aliases).Feed([Error("203.0.113.9", "10.0.0.5", 0), Connection("10.0.0.5", "203.0.113.9", 4)]);
        var d = Assert.Single(run.Fired);
        Assert.Equal("10.0.0.5", d.Group!["internal_ip"]);
        Assert.Equal("203.0.113.9", d.Group["remote_ip"]);
        // Same fields without the swap: the hosts do not line up.
        Assert.Empty(new CorrelationRun(Aliases).Feed([Error("203.0.113.9", "10.0.0.5", 0), Connection("203.0.113.9", "10.0.0.5", 4)]).Fired);
        Assert.Empty(new CorrelationRun(Aliases).Feed([Error("203.0.113.9", "10.0.0.5", 0), Connection("10.0.0.5", "203.0.113.9", 11)]).Fired);
    }
}
