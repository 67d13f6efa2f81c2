using ATTT.Monitor.Events;
using ATTT.Monitor.Sigma.Tests.Support;

namespace ATTT.Monitor.Sigma.Tests.ProductRules;

/// <summary>The product's own rules in rules/: they load, speak Vietnamese, and match what they should.</summary>
public class ProductRulesTests
{
    private static readonly Lazy<SigmaRuleSet> Rules = new(() => SigmaRuleSet.Load([Paths.ProductRules]));
    private const string Defender = "Microsoft-Windows-Windows Defender/Operational";

    private static List<string> Fired(params EventRecord[] events)
    {
        var set = Rules.Value;
        var engine = set.CreateEngine();
        var correlation = set.CreateCorrelationEngine();
        var fired = new List<string>();
        foreach (var e in events)
        {
            foreach (var d in engine.Evaluate(e))
            {
                if (d.Rule.GeneratesAlerts) fired.Add(d.Rule.Id);
                fired.AddRange(correlation.Process(d).Select(c => c.Rule.Id));
            }
        }

        return fired;
    }

    private static EventRecord Ev(string channel, int id, string provider, params (string, string?)[] fields) => new()
    {
        Provider = provider,
        EventId = id,
        Channel = channel,
        Computer = "PC-VANTHU-02",
        TimeCreated = TestEvents.T0,
        PayloadKind = EventPayloadKind.EventData,
        Fields = fields.Select(f => new EventField(f.Item1, f.Item2)).ToList(),
    };

    private static EventRecord Security(int id, params (string, string?)[] fields) => Ev("Security", id, "Microsoft-Windows-Security-Auditing", fields);

    [Fact]
    public void Every_product_rule_loads_and_has_a_vietnamese_description()
    {
        var set = Rules.Value;
        Assert.Empty(set.Diagnostics);
        Assert.True(set.LoadedCount >= 10, $"{set.LoadedCount} loaded");
        Assert.Empty(set.UnroutedRules);
        foreach (var r in set.Rules.Concat(set.Correlations))
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Description), r.Title);
            Assert.Matches("[ạảãàáâậầấẩẫăắằặẳẵêếềệểễôốồộổỗơớờợởỡưứừựửữđĐ]", r.Description!);
        }
    }

    [Fact]
    public void Failed_logon_burst_fires_on_the_fifth_failure_within_five_minutes_only()
    {
        EventRecord Fail(string user, double minute) => Security(4625, ("TargetUserName", user)).At(TestEvents.T0.AddMinutes(minute));
        var burst = Fired([.. Enumerable.Range(0, 5).Select(i => Fail("ketoan", i))]);
        Assert.Equal(["5b0e3a10-7f4c-4f0e-9a51-0a1b2c3d4e02"], burst);
        Assert.Empty(Fired([.. Enumerable.Range(0, 4).Select(i => Fail("ketoan", i))]));
        Assert.Empty(Fired([.. Enumerable.Range(0, 5).Select(i => Fail("ketoan", i * 2))]));
        Assert.Empty(Fired([.. Enumerable.Range(0, 5).Select(i => Fail("user" + i, i))]));
    }

    [Fact]
    public void Defender_malware_detection()
    {
        Assert.Contains("5b0e3a10-7f4c-4f0e-9a51-0a1b2c3d4e03", Fired(Ev(Defender, 1116, "Microsoft-Windows-Windows Defender", ("Threat Name", "Trojan:Win32/Emotet"))));
        Assert.Empty(Fired(Ev(Defender, 1000, "Microsoft-Windows-Windows Defender")));
        Assert.Empty(Fired(Security(1116)));
    }

    [Fact]
    public void Realtime_protection_turned_off()
    {
        const string id = "5b0e3a10-7f4c-4f0e-9a51-0a1b2c3d4e04";
        Assert.Contains(id, Fired(Ev(Defender, 5001, "Microsoft-Windows-Windows Defender")));
        Assert.Contains(id, Fired(Ev(Defender, 5007, "Microsoft-Windows-Windows Defender",
            ("New Value", @"HKLM\SOFTWARE\Microsoft\Windows Defender\Real-Time Protection\DisableRealtimeMonitoring = 0x1"))));
        Assert.Empty(Fired(Ev(Defender, 5007, "Microsoft-Windows-Windows Defender",
            ("New Value", @"HKLM\SOFTWARE\Microsoft\Windows Defender\Real-Time Protection\DisableRealtimeMonitoring = 0x0"))));
    }

    [Fact]
    public void Audit_log_cleared()
    {
        Assert.Contains("5b0e3a10-7f4c-4f0e-9a51-0a1b2c3d4e05", Fired(Ev("Security", 1102, "Microsoft-Windows-Eventlog")));
        Assert.Contains("5b0e3a10-7f4c-4f0e-9a51-0a1b2c3d4e06", Fired(Ev("System", 104, "Microsoft-Windows-Eventlog")));
        Assert.Empty(Fired(Ev("System", 104, "Some-Other-Provider")));
        Assert.Empty(Fired(Ev("Application", 1102, "Microsoft-Windows-Eventlog")));
    }

    [Fact]
    public void New_local_administrator()
    {
        Assert.Contains("5b0e3a10-7f4c-4f0e-9a51-0a1b2c3d4e07", Fired(Security(4732, ("TargetSid", "S-1-5-32-544"), ("MemberName", "-"))));
        Assert.Empty(Fired(Security(4732, ("TargetSid", "S-1-5-32-545"))));
    }

    [Fact]
    public void New_service_installed()
    {
        Assert.Contains("5b0e3a10-7f4c-4f0e-9a51-0a1b2c3d4e08", Fired(Ev("System", 7045, "Service Control Manager", ("ServiceName", "evil"), ("ImagePath", @"C:\Users\Public\x.exe"))));
        Assert.Empty(Fired(Ev("System", 7036, "Service Control Manager")));
    }

    [Theory]
    [InlineData("203.0.113.7", "10", true)]
    [InlineData("2001:db8::1", "10", true)]
    [InlineData("192.168.1.20", "10", false)]
    [InlineData("10.20.30.40", "10", false)]
    [InlineData("-", "10", false)]
    [InlineData("203.0.113.7", "3", false)]
    public void Rdp_logon_from_outside_the_lan(string ip, string logonType, bool expected)
    {
        var fired = Fired(Security(4624, ("LogonType", logonType), ("IpAddress", ip)));
        Assert.Equal(expected, fired.Contains("5b0e3a10-7f4c-4f0e-9a51-0a1b2c3d4e09"));
    }

    [Theory]
    [InlineData(@"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe", "powershell.exe -NoP -w hidden -enc SQBFAFgA", true)]
    [InlineData(@"C:\Program Files\PowerShell\7\pwsh.exe", "pwsh /EncodedCommand SQBFAFgA", true)]
    [InlineData(@"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe", "powershell.exe -File backup.ps1", false)]
    [InlineData(@"C:\Windows\System32\cmd.exe", "cmd /c echo -enc x", false)]
    public void Encoded_powershell(string image, string commandLine, bool expected)
    {
        var sysmon = Fired(TestEvents.Sysmon1(image, commandLine));
        var security = Fired(Security(4688, ("NewProcessName", image), ("CommandLine", commandLine)));
        Assert.Equal(expected, sysmon.Contains("5b0e3a10-7f4c-4f0e-9a51-0a1b2c3d4e10"));
        Assert.Equal(expected, security.Contains("5b0e3a10-7f4c-4f0e-9a51-0a1b2c3d4e10"));
    }
}
