using System.Text.Json;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Incidents.Journal;
using ATTT.Monitor.Collector.Tests.Support;

namespace ATTT.Monitor.Collector.Tests.Incidents;

/// <summary>
/// A journal row carries the incident as it is after the change; rows that databases already hold,
/// written before that in a flat shape, are still read, by every journal reader.
/// </summary>
public sealed class IncidentJournalRowTests
{
    /// <summary>An Opened row exactly as the collector wrote it before a change carried the whole incident (taken from a demo database).</summary>
    private const string FlatRow = """
        {"Kind":0,"IncidentId":57,"Title":"D\u1ECBch v\u1EE5 Fax n\u1EA1p DLL ualapi.dll gi\u1EA3","RuleId":"828af599-4c53-4ed2-ba4a-a9f835c434ea","RuleTitle":"Fax Service DLL Search Order Hijack","Tags":["attack.privilege-escalation","attack.persistence","attack.execution","attack.stealth","attack.t1574.001"],"Category":"malware","Severity":3,"State":0,"Unit":"X\u00E3 S\u1EA3ng M\u1ED9c","Host":"MSEDGEWIN10","FirstSeen":"2020-08-02T16:24:07.551366+00:00","LastSeen":"2020-08-02T16:24:07.551366+00:00","Count":1,"IsDrill":false,"Actor":null,"At":"2026-12-07T14:32:59.299909+00:00","DetectedAt":"2026-12-07T14:32:59.299909+00:00","Explanation":{"title":"D\u1ECBch v\u1EE5 Fax n\u1EA1p DLL ualapi.dll gi\u1EA3","title_en":"Fax Service DLL Search Order Hijack","what_happened":"D\u1ECBch v\u1EE5 Fax (fxssvc.exe) \u0111\u00E3 n\u1EA1p ualapi.dll - m\u1ED9t DLL kh\u00F4ng c\u00F3 s\u1EB5n tr\u00EAn Windows.","why_it_matters":"K\u1EBB t\u1EA5n c\u00F4ng \u0111\u1EB7t DLL \u0111\u1ED9c c\u00F9ng t\u00EAn \u0111\u1EC3 d\u1ECBch v\u1EE5 Fax n\u1EA1p m\u00E3 \u0111\u1ED9c v\u1EDBi quy\u1EC1n SYSTEM.","what_to_do":["C\u00F4 l\u1EADp m\u00E1y; gi\u1EEF l\u1EA1i ualapi.dll l\u00E0m ch\u1EE9ng c\u1EE9.","T\u1EAFt d\u1ECBch v\u1EE5 Fax n\u1EBFu kh\u00F4ng d\u00F9ng; x\u1EED l\u00FD theo k\u1ECBch b\u1EA3n \u1EE9ng ph\u00F3 x\u00E2m nh\u1EADp."],"source":"sigmahq"}}
        """;

    [Fact]
    public void A_row_written_in_the_flat_shape_reads_as_the_incident_after_the_change()
    {
        var change = IncidentJournal.Read(FlatRow, 91);

        Assert.Equal(IncidentChangeKind.Opened, change.Kind);
        Assert.Null(change.Actor);
        Assert.Equal(DateTimeOffset.Parse("2026-12-07T14:32:59.299909+00:00", System.Globalization.CultureInfo.InvariantCulture), change.At);
        var incident = change.Incident;
        Assert.Equal(57, incident.Id);
        Assert.Equal("Dịch vụ Fax nạp DLL ualapi.dll giả", incident.Title);
        Assert.Equal("828af599-4c53-4ed2-ba4a-a9f835c434ea", incident.RuleId);
        Assert.Equal("Fax Service DLL Search Order Hijack", incident.RuleTitle);
        Assert.Equal(["attack.privilege-escalation", "attack.persistence", "attack.execution", "attack.stealth", "attack.t1574.001"], incident.Tags);
        Assert.Equal(IncidentCategory.Malware, incident.Category);
        Assert.Equal(IncidentSeverity.High, incident.Severity);
        Assert.Equal(IncidentState.New, incident.State);
        Assert.Equal("Xã Sảng Mộc", incident.Unit);
        Assert.Equal("MSEDGEWIN10", incident.Host);
        Assert.Equal(DateTimeOffset.Parse("2020-08-02T16:24:07.551366+00:00", System.Globalization.CultureInfo.InvariantCulture), incident.FirstSeen);
        Assert.Equal(1, incident.Count);
        Assert.False(incident.IsDrill);
        // The row's DetectedAt is when the collector found the incident: the incident's creation time.
        Assert.Equal(change.At, incident.CreatedAt);
        Assert.Equal(change.At, change.DetectedAt);
        Assert.Equal("Cô lập máy; giữ lại ualapi.dll làm chứng cứ.", incident.Explanation!.WhatToDo[0]);
    }

    [Fact]
    public void A_change_written_now_reads_back_with_the_whole_incident()
    {
        var opened = IncidentChanges.Opened(id: 7, severity: IncidentSeverity.Critical, host: "PC-KETOAN-02")
            .WithIncident(i => i with { AgentId = "agent-7", Assignee = "cntt", Description = "Mô tả <b>thô</b>", KillChain = "TA0001>TA0040" })
            with { Actor = "cntt" };

        var json = JsonSerializer.Serialize(opened);
        var read = IncidentJournal.Read(json, 1);

        Assert.Contains("\"Incident\":{", json, StringComparison.Ordinal);
        Assert.Equal(opened.Kind, read.Kind);
        Assert.Equal(opened.Actor, read.Actor);
        Assert.Equal(opened.At, read.At);
        Assert.Equal(opened.Incident.Tags, read.Incident.Tags);
        Assert.Equal(opened.Incident, read.Incident with { Tags = opened.Incident.Tags });
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"Kind\":0,\"Incident\":null,\"Actor\":null,\"At\":\"2026-12-07T14:32:59+00:00\"}")]
    public void A_row_that_holds_no_change_is_named(string json)
    {
        var error = Assert.Throws<InvalidDataException>(() => IncidentJournal.Read(json, 42));

        Assert.Contains("incident_journal row 42", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notifications_read_a_flat_row_an_existing_database_holds_and_tell_the_police()
    {
        await using var h = await NotificationsHarness.StartAsync(time: new ManualTimeProvider(DateTimeOffset.Parse("2026-12-07T15:00:00+00:00", System.Globalization.CultureInfo.InvariantCulture)));
        await using (var connection = await h.Database.OpenAsync(TestContext.Current.CancellationToken))
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO incident_journal (incident_id, kind, at, change_json) VALUES (57, 'Opened', '2026-12-07T14:32:59.299909Z', $json);";
            insert.Parameters.AddWithValue("$json", FlatRow);
            await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await h.CatchUpAsync();

        var police = Assert.Single(await h.RowsAsync($"recipient_email = '{NotificationSettings.Police}'"));
        Assert.Equal(57L, police.IncidentId);
        Assert.Contains("Dịch vụ Fax nạp DLL ualapi.dll giả", police.TextBody, StringComparison.Ordinal);
        Assert.Contains("MSEDGEWIN10", police.TextBody, StringComparison.Ordinal);
    }
}
