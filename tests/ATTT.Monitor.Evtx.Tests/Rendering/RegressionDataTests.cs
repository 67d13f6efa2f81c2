using System.Text.Json.Nodes;
using ATTT.Monitor.Evtx.Tests.Support;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Evtx.Tests.Rendering;

/// <summary>
/// Every record of every .evtx in the SigmaHQ regression data, against the .json beside it:
/// the JSON dump equals it object for object, and every System and EventData value in the event
/// model equals the reference value as text.
/// </summary>
public sealed class RegressionDataTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in SharedData.EvtxFiles(SharedData.RegressionData))
            data.Add(Path.GetRelativePath(SharedData.RegressionData, f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Json_dump_equals_the_reference_json(string relative)
    {
        var evtx = Path.Combine(SharedData.RegressionData, relative);
        var expected = ReferenceJson.ReadAll(Path.ChangeExtension(evtx, ".json"));
        var actual = EvtxFile.ReadDocuments(evtx).Select(d => JsonNode.Parse(d.ToJson())!).ToList();
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(expected[i], actual[i]),
                $"record {i}:\nexpected {ReferenceJson.Describe(expected[i])}\nactual   {ReferenceJson.Describe(actual[i])}");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Event_model_values_equal_the_reference_json(string relative)
    {
        var evtx = Path.Combine(SharedData.RegressionData, relative);
        var expected = ReferenceJson.ReadAll(Path.ChangeExtension(evtx, ".json"));
        var actual = EvtxFile.ReadEvents(evtx).ToList();
        Assert.Equal(expected.Count, actual.Count);
        var problems = new List<string>();
        for (var i = 0; i < expected.Count; i++)
        {
            foreach (var (field, value) in ExpectedFields(expected[i]["Event"]!))
            {
                if (!actual[i].TryGetField(field, out var got) || got != value)
                    problems.Add($"record {i} {field}: expected '{value}', got '{got}'");
            }
        }

        Report.NoProblems(problems, "values differ");
    }

    [Fact]
    public void The_regression_data_is_there()
    {
        Assert.True(Files().Count > 100);
    }

    private static IEnumerable<(string Field, string? Value)> ExpectedFields(JsonNode evt)
    {
        var system = evt["System"]!;
        var eventId = system["EventID"]!;
        yield return ("EventID", ReferenceJson.Text(eventId is JsonObject o ? o["#text"] : eventId));
        yield return ("Provider_Name", ReferenceJson.Text(system["Provider"]?["#attributes"]?["Name"]));
        if (system["Provider"]?["#attributes"]?["Guid"] is { } guid)
            yield return ("Provider_Guid", ReferenceJson.Text(guid));
        foreach (var name in new[] { "Version", "Level", "Task", "Opcode", "Keywords", "EventRecordID", "Channel", "Computer" })
        {
            if (system[name] is { } v)
                yield return (name, ReferenceJson.Text(v));
        }

        yield return ("TimeCreated", ReferenceJson.Text(system["TimeCreated"]!["#attributes"]!["SystemTime"]));
        foreach (var (element, attribute) in new[] { ("Execution", "ProcessID"), ("Execution", "ThreadID"), ("Security", "UserID"),
                     ("Correlation", "ActivityID"), ("Correlation", "RelatedActivityID") })
        {
            if (system[element]?["#attributes"]?[attribute] is { } v)
                yield return (attribute, ReferenceJson.Text(v));
        }

        if (evt["EventData"] is JsonObject data)
        {
            foreach (var (key, value) in data)
            {
                if (key != "#attributes" && value is not JsonObject)
                    yield return (key, ReferenceJson.Text(value));
            }
        }

        if (evt["UserData"] is JsonObject user)
        {
            foreach (var (_, child) in user)
            {
                foreach (var (key, value) in child!.AsObject())
                {
                    if (key != "#attributes" && value is not JsonObject)
                        yield return (key, ReferenceJson.Text(value));
                }
            }
        }
    }
}
