using ATTT.Monitor.Sigma.Tests.Support;

namespace ATTT.Monitor.Sigma.Tests.Specification;

/// <summary>
/// The seven correlation types of the Sigma 2.1 correlation specification, each with the
/// specification's own example rule (its tests/schema/correlation files), over real events.
/// The referenced detection rules are written here: the specification names them by id or name only.
/// </summary>
public class CorrelationTypeExamplesTests
{
    private const string FailedLogin = """
        title: Failed logon
        id: 5638f7c0-ac70-491d-8465-2a65075e0d86
        logsource: { product: windows, service: security }
        detection: { selection: { EventID: 4625 }, condition: selection }
        """;

    private static EventRecordList Failed(int count, string computer, double startMinute = 0, double everyMinutes = 0.1, Func<int, string>? user = null) =>
        new(Enumerable.Range(0, count).Select(i => CorrelationRun.Event("Security", 4625, startMinute + i * everyMinutes,
            ("ComputerName", computer), ("WorkstationName", "WS-1"), ("User", user?.Invoke(i) ?? "admin"))));

    [Fact]
    public void Event_count_many_failed_logins()
    {
        // tests/schema/correlation/event_count.yml
        const string correlation = """
            title: Many failed logins
            id: 0e95725d-7320-415d-80f7-004da920fc11
            correlation:
                type: event_count
                rules:
                    - 5638f7c0-ac70-491d-8465-2a65075e0d86
                group-by:
                    - ComputerName
                timespan: 1h
                condition:
                    gte: 100
            """;
        var run = new CorrelationRun(FailedLogin + "\n---\n" + correlation);
        run.Feed(Failed(99, "PC-A")).Feed(Failed(99, "PC-B"));
        Assert.Empty(run.Fired);
        run.Feed(Failed(1, "PC-A", startMinute: 30));
        var d = Assert.Single(run.Fired);
        Assert.Equal(100, d.Count);
        Assert.Equal("PC-A", d.Group!["ComputerName"]);
        // Spread over more than the hour, 100 events never fall in one window.
        var slow = new CorrelationRun(FailedLogin + "\n---\n" + correlation).Feed(Failed(150, "PC-C", everyMinutes: 0.7)).Flush();
        Assert.Empty(slow.Fired);
    }

    [Fact]
    public void Value_count_failed_logins_with_many_user_accounts()
    {
        // tests/schema/correlation/value_count.yml: distinct User per ComputerName and WorkstationName in a day.
        const string correlation = """
            title: Failed login
            id: 0e95725d-7320-415d-80f7-004da920fc12
            correlation:
                type: value_count
                rules:
                    - 5638f7c0-ac70-491d-8465-2a65075e0d86
                group-by:
                    - ComputerName
                    - WorkstationName
                timespan: 1d
                condition:
                    field: User
                    gte: 100
            """;
        var sameUser = new CorrelationRun(FailedLogin + "\n---\n" + correlation).Feed(Failed(300, "PC-A"));
        Assert.Empty(sameUser.Fired);
        var spray = new CorrelationRun(FailedLogin + "\n---\n" + correlation).Feed(Failed(150, "PC-A", user: i => "user" + (i % 120)));
        var d = Assert.Single(spray.Fired);
        Assert.Equal(100, d.Count);
    }

    private const string Recon = """
        title: Recon A
        name: recon_cmd_a
        logsource: { product: windows, category: process_creation }
        detection: { selection: { Image|endswith: '\whoami.exe' }, condition: selection }
        ---
        title: Recon B
        name: recon_cmd_b
        logsource: { product: windows, category: process_creation }
        detection: { selection: { Image|endswith: '\net.exe' }, condition: selection }
        ---
        title: Recon C
        name: recon_cmd_c
        logsource: { product: windows, category: process_creation }
        detection: { selection: { Image|endswith: '\ipconfig.exe' }, condition: selection }
        """;

    private static Events.EventRecord Process(string image, double minutes, string user = "ketoan", string computer = "PC-KETOAN-01") =>
        CorrelationRun.Event("Microsoft-Windows-Sysmon/Operational", 1, minutes, ("Image", image), ("User", user), ("ComputerName", computer));

    [Fact]
    public void Temporal_recon_commands_in_any_order()
    {
        // tests/schema/correlation/temporal.yml
        const string correlation = """
            title: Recon
            correlation:
                type: temporal
                rules:
                    - recon_cmd_a
                    - recon_cmd_b
                    - recon_cmd_c
                group-by:
                    - ComputerName
                    - User
                timespan: 5m
            """;
        var run = new CorrelationRun(Recon + "\n---\n" + correlation)
            .Feed([Process(@"C:\w\ipconfig.exe", 0), Process(@"C:\w\whoami.exe", 1), Process(@"C:\w\net.exe", 2)]);
        Assert.Equal(3, Assert.Single(run.Of("Recon")).Count);
        var otherUser = new CorrelationRun(Recon + "\n---\n" + correlation)
            .Feed([Process(@"C:\w\ipconfig.exe", 0), Process(@"C:\w\whoami.exe", 1, user: "other"), Process(@"C:\w\net.exe", 2)]);
        Assert.Empty(otherUser.Of("Recon"));
        var tooSlow = new CorrelationRun(Recon + "\n---\n" + correlation)
            .Feed([Process(@"C:\w\ipconfig.exe", 0), Process(@"C:\w\whoami.exe", 3), Process(@"C:\w\net.exe", 6)]);
        Assert.Empty(tooSlow.Of("Recon"));
    }

    [Fact]
    public void Temporal_ordered_recon_commands_in_the_given_order()
    {
        // tests/schema/correlation/temporal_ordered.yml
        const string correlation = """
            title: Recon ordered
            correlation:
                type: temporal_ordered
                rules:
                    - recon_cmd_a
                    - recon_cmd_b
                    - recon_cmd_c
                group-by:
                    - ComputerName
                    - User
                timespan: 5m
            """;
        var inOrder = new CorrelationRun(Recon + "\n---\n" + correlation)
            .Feed([Process(@"C:\w\whoami.exe", 0), Process(@"C:\w\net.exe", 1), Process(@"C:\w\ipconfig.exe", 2)]);
        Assert.Single(inOrder.Of("Recon ordered"));
        var outOfOrder = new CorrelationRun(Recon + "\n---\n" + correlation)
            .Feed([Process(@"C:\w\net.exe", 0), Process(@"C:\w\whoami.exe", 1), Process(@"C:\w\ipconfig.exe", 2)]);
        Assert.Empty(outOfOrder.Of("Recon ordered"));
    }

    private const string WebsiteAccess = """
        title: Website access
        name: website_access
        id: 7d7e1a3b-0000-4000-8000-00000000a001
        logsource: { product: windows, service: application }
        detection: { selection: { EventID: 900 }, condition: selection }
        """;

    private static Events.EventRecord Upload(double minutes, string bytesField, string? bytes, string ip = "10.0.0.5", string user = "ketoan") =>
        CorrelationRun.Event("Application", 900, minutes, ("SourceIP", ip), ("User", user), (bytesField, bytes));

    [Fact]
    public void Value_sum_possible_exfiltration_to_website()
    {
        // tests/schema/correlation/value_sum.yml
        const string correlation = """
            title: Possible Exfiltration to Website
            correlation:
                type: value_sum
                rules:
                    - website_access
                group-by:
                    - SourceIP
                    - User
                timespan: 1h
                condition:
                    field: bytes_sent
                    gt: 1000000
            """;
        var run = new CorrelationRun(WebsiteAccess + "\n---\n" + correlation)
            .Feed([Upload(0, "bytes_sent", "400000"), Upload(10, "bytes_sent", "400000"), Upload(20, "bytes_sent", "200000")]);
        Assert.Empty(run.Fired);
        run.Feed([Upload(30, "bytes_sent", "0x1")]);
        var d = Assert.Single(run.Fired);
        Assert.Equal(1_000_001, d.Value);
        Assert.Equal(4, d.Count);
        // The first upload has left the hour: 400,000 + 200,000 + 500,000 is not over a million.
        var sliding = new CorrelationRun(WebsiteAccess + "\n---\n" + correlation)
            .Feed([Upload(0, "bytes_sent", "400000"), Upload(30, "bytes_sent", "400000"), Upload(61, "bytes_sent", "500000")]);
        Assert.Empty(sliding.Fired);
    }

    [Fact]
    public void Value_avg_suspicious_average_network_traffic()
    {
        // tests/schema/correlation/value_avg.yml: decided when the day's window closes.
        const string correlation = """
            title: Suspicious average network traffic
            correlation:
                type: value_avg
                rules:
                    - rule_a_id
                group-by:
                    - SourceIP
                    - User
                timespan: 24h
                condition:
                    field: BytesOut
                    gt: 500
            """;
        var rules = WebsiteAccess.Replace("website_access", "rule_a_id", StringComparison.Ordinal) + "\n---\n" + correlation;
        var run = new CorrelationRun(rules).Feed([Upload(0, "BytesOut", "900"), Upload(60, "BytesOut", "300"), Upload(120, "BytesOut", "400")]);
        Assert.Empty(run.Fired);
        run.Feed([Upload(24 * 60 + 1, "BytesOut", "10")]);
        var d = Assert.Single(run.Fired);
        Assert.Equal((900 + 300 + 400) / 3.0, d.Value!.Value, 9);
        Assert.Equal(3, d.Count);
        Assert.Equal(Support.TestEvents.T0.AddMinutes(120), d.Timestamp);
        var low = new CorrelationRun(rules).Feed([Upload(0, "BytesOut", "900"), Upload(60, "BytesOut", "50")]).Flush();
        Assert.Empty(low.Fired);
    }

    [Fact]
    public void Value_percentile_a_process_name_rarely_seen_on_a_computer()
    {
        // tests/schema/correlation/value_percentile.yml: without 'percentile', the share (in
        // percent) of the window's events that carry each value; lte 1 is "1% or less".
        const string rules = """
            title: Process creation
            name: process_creation
            logsource: { product: windows, category: process_creation }
            detection: { selection: { Image|startswith: 'C:' }, condition: selection }
            ---
            title: A computer spawned a processes name in the last 24h than 1% of all the processes.
            correlation:
                type: value_percentile
                rules:
                    - process_creation
                group-by:
                    - ComputerName
                timespan: 24h
                condition:
                    field: Image
                    lte: 1
            """;
        var events = Enumerable.Range(0, 199).Select(i => Process(i % 2 == 0 ? @"C:\Windows\explorer.exe" : @"C:\Windows\svchost.exe", i))
            .Append(Process(@"C:\Users\Public\rare.exe", 200)).ToList();
        var run = new CorrelationRun(rules).Feed(events).Flush();
        var d = Assert.Single(run.Fired);
        Assert.Equal(0.5, d.Value);
        Assert.True(d.Event.TryGetField("Image", out var image));
        Assert.Equal(@"C:\Users\Public\rare.exe", image);
    }

    [Fact]
    public void Value_percentile_with_a_percentile_compares_that_percentile_of_the_numbers()
    {
        // pySigma's form: condition.percentile names the percentile (95th latency over 500 ms).
        const string correlation = """
            title: High percentile latency
            correlation:
                type: value_percentile
                rules: [website_access]
                group-by: [SourceIP]
                timespan: 15m
                condition:
                    field: Latency
                    percentile: 95
                    gte: 500
            """;
        var slowTail = Enumerable.Range(0, 100).Select(i => Upload(i * 0.1, "Latency", (i < 94 ? 100 : 800).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var run = new CorrelationRun(WebsiteAccess + "\n---\n" + correlation).Feed(slowTail).Flush();
        Assert.Equal(800, Assert.Single(run.Fired).Value);
        var fast = Enumerable.Range(0, 100).Select(i => Upload(i * 0.1, "Latency", (i < 96 ? 100 : 800).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Empty(new CorrelationRun(WebsiteAccess + "\n---\n" + correlation).Feed(fast).Flush().Fired);
    }

    private sealed class EventRecordList(IEnumerable<Events.EventRecord> events) : List<Events.EventRecord>(events);
}
