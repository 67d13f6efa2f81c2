using System.Xml.Linq;
using ATTT.Monitor.Agent.Cli;
using ATTT.Monitor.Agent.Sources.Query;
using ATTT.Monitor.Agent.Tests.Support;

namespace ATTT.Monitor.Agent.Tests.Cli;

/// <summary><c>attt-agent query</c> (../shared/CONTRACT.md): the QueryList XML per channel, as the agent subscribes with it.</summary>
public sealed class QueryCommandTests
{
    [Fact]
    public async Task Every_default_channel_gets_a_query_list_that_parses_and_keeps_the_limits()
    {
        var (code, output, _) = await AgentCli.RunAsync("query");

        Assert.Equal(0, code);
        var lists = output.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(XDocument.Parse).ToList();
        Assert.Equal(7, lists.Count);
        Assert.Contains(lists, l => l.Root!.Element("Query")!.Attribute("Path")!.Value == "Microsoft-Windows-Sysmon/Operational");
        Assert.All(lists.SelectMany(l => l.Descendants("Select")), s =>
            Assert.InRange(System.Text.RegularExpressions.Regex.Count(s.Value, "EventID"), 0, QueryListBuilder.MaxExpressionsPerPath));
    }

    [Fact]
    public async Task One_channel_of_a_configuration_file_is_printed_exactly()
    {
        using var temp = new TempDirectory();
        var config = temp.Combine("agent.yaml");
        await File.WriteAllTextAsync(config, "channels:\n  - name: Security\n    event_ids: \"4624, 4700-4800, -4735\"\n  - name: System\n", TestContext.Current.CancellationToken);

        var (code, output, _) = await AgentCli.RunAsync("query", "--config", config, "--channel", "security");

        Assert.Equal(0, code);
        Assert.Equal(
            "<!-- Security -->\n<QueryList>\n  <Query Id=\"0\" Path=\"Security\">\n" +
            "    <Select Path=\"Security\">*[System[(EventID=4624 or (EventID &gt;= 4700 and EventID &lt;= 4800))]]</Select>\n" +
            "    <Suppress Path=\"Security\">*[System[EventID=4735]]</Suppress>\n  </Query>\n</QueryList>\n",
            output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task An_unknown_channel_is_a_usage_error_naming_the_configured_ones()
    {
        var (code, _, error) = await AgentCli.RunAsync("query", "--channel", "Applicaton");

        Assert.Equal(2, code);
        Assert.Contains("Applicaton", error, StringComparison.Ordinal);
        Assert.Contains("Security", error, StringComparison.Ordinal);
    }
}
