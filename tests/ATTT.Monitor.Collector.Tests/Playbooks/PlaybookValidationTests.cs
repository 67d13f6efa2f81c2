using ATTT.Monitor.Collector.Playbooks;
using ATTT.Monitor.Collector.Tests.Support;

namespace ATTT.Monitor.Collector.Tests.Playbooks;

public sealed class PlaybookValidationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private PlaybookLoadResult Load(string yaml, string name = "p.yml") =>
        PlaybookLoader.Load([_folder.Write(name, yaml)]);

    [Fact]
    public void The_sample_playbook_loads_with_every_field()
    {
        var result = Load(PlaybookYaml.Valid);

        Assert.Empty(result.Errors);
        var playbook = Assert.Single(result.Playbooks);
        Assert.Equal("thu-nghiem", playbook.Id);
        Assert.Equal("Kịch bản thử nghiệm", playbook.Title);
        Assert.Equal(["malware"], playbook.Categories);
        Assert.Equal([TimeSpan.FromMinutes(30), TimeSpan.FromHours(8)], playbook.Steps.Select(s => s.Deadline));
        Assert.Equal([1, 2], playbook.Steps.Select(s => s.Number));
        var drill = playbook.Drill!;
        Assert.Equal("Asia/Ho_Chi_Minh", drill.Schedule!.TimeZone);
        Assert.Equal([TimeSpan.FromDays(1)], drill.Reminders);
        Assert.Equal(TimeSpan.FromMinutes(2), drill.Targets.Detect);
        Assert.Null(drill.Targets.DashboardAcknowledge);
        var e = drill.Injects[0].ToEvent(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero), 7);
        Assert.Equal(1116, e.EventId);
        Assert.Equal("PC-01", e.Computer);
        Assert.True(e.TryGetField("Threat Name", out var threat));
        Assert.Equal("Virus:DOS/EICAR_Test_File", threat);
        Assert.Equal(ATTT.Monitor.Events.EventValueKind.Integer, e.Fields[1].Kind);
    }

    [Theory]
    [InlineData("title: Kịch bản thử nghiệm\n", "", "title", "bắt buộc", null)]
    [InlineData("deadline: 8h", "deadline: 8 giờ", "steps[1].deadline", "khoảng thời gian", "deadline: 8 giờ")]
    [InlineData("role: lanh-dao-xa", "role: chu-tich", "steps[1].role", "unknown role", "role: chu-tich")]
    [InlineData("cron: \"0 0 9 ? 3 TUE#2\"", "cron: \"0 0 25 * * ?\"", "drill.schedule.cron", "cron", "cron: \"0 0 25")]
    [InlineData("categories: [malware]", "categories: [virus]", "answers.categories[0]", "unknown incident category", "categories: [virus]")]
    [InlineData("email: cntt@xa.example.vn", "email: cntt", "drill.participants[0].email", "email", "email: cntt")]
    [InlineData("event_id: 1116", "event_id: \"mot\"", "drill.injects[0].event.event_id", "event_id", "provider: Microsoft-Windows-Windows Defender")]
    [InlineData("  acknowledge: 4h", "  acknowlege: 4h", "drill.targets.acknowlege", "unknown key", "acknowlege: 4h")]
    [InlineData("deadline: 30m", "deadline: 10h", "steps[1].deadline", "deadline order", "deadline: 8h")]
    public void A_mistake_is_reported_with_its_line_and_field(string find, string replace, string field, string reason, string? lineText)
    {
        var yaml = PlaybookYaml.With(find, replace);

        var result = Load(yaml);

        Assert.Empty(result.Playbooks);
        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal(lineText is null ? 1 : PlaybookYaml.LineOf(yaml, lineText), error.Line);
    }

    [Fact]
    public void An_inject_that_sets_its_own_time_is_refused()
    {
        var yaml = PlaybookYaml.With("event_id: 1116", "event_id: 1116\n        time: \"2026-01-01T00:00:00Z\"");

        var error = Assert.Single(Load(yaml).Errors);

        Assert.Equal("drill.injects[0].event.time", error.Field);
        Assert.Equal(PlaybookYaml.LineOf(yaml, "time: \"2026"), error.Line);
    }

    [Fact]
    public void Broken_yaml_names_the_line_of_the_syntax_error()
    {
        var yaml = PlaybookYaml.With("action: Cô lập máy.", "action: [Cô lập máy.");

        var error = Assert.Single(Load(yaml).Errors);

        Assert.Equal("", error.Field);
        Assert.Contains("YAML", error.Reason, StringComparison.Ordinal);
        Assert.InRange(error.Line, PlaybookYaml.LineOf(yaml, "action: [Cô"), PlaybookYaml.LineOf(yaml, "action: [Cô") + 3);
    }

    [Fact]
    public void Every_mistake_of_a_file_is_listed_and_other_files_still_load()
    {
        var bad = PlaybookYaml.With("title: Kịch bản thử nghiệm\n", "").Replace("deadline: 8h", "deadline: soon", StringComparison.Ordinal);
        _folder.Write("a-bad.yml", bad);
        _folder.Write("b-good.yaml", PlaybookYaml.Valid.Replace("id: thu-nghiem", "id: thu-nghiem-2", StringComparison.Ordinal));
        _folder.Write("notes.txt", "not a playbook");

        var result = PlaybookLoader.Load([_folder.Path]);

        Assert.Equal("thu-nghiem-2", Assert.Single(result.Playbooks).Id);
        Assert.Equal(1, result.InvalidFiles);
        Assert.Equal(["title", "steps[1].deadline"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void A_second_file_with_the_same_id_is_invalid()
    {
        _folder.Write("a.yml", PlaybookYaml.Valid);
        _folder.Write("b.yml", PlaybookYaml.Valid);

        var result = PlaybookLoader.Load([_folder.Path]);

        Assert.Single(result.Playbooks);
        var error = Assert.Single(result.Errors);
        Assert.EndsWith("b.yml", error.Path, StringComparison.Ordinal);
        Assert.Equal("id", error.Field);
    }

    [Fact]
    public void A_missing_path_is_an_error_not_silence()
    {
        var result = PlaybookLoader.Load([Path.Combine(_folder.Path, "khong-co.yml")]);

        Assert.Empty(result.Playbooks);
        Assert.Equal(1, result.InvalidFiles);
    }
}
