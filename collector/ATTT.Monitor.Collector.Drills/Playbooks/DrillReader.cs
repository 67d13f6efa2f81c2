using System.Text.Json;
using ATTT.Monitor.Events.Wire;
using Quartz;
using YamlDotNet.RepresentationModel;

namespace ATTT.Monitor.Collector.Playbooks;

/// <summary>Reads and checks the <c>drill:</c> section of a playbook.</summary>
internal static class DrillReader
{
    public static DrillSpec? Read(YamlFields drill, List<PlaybookRole> roles)
    {
        var before = drill.Errors.Count;
        var schedule = Schedule(drill);
        var reminders = Reminders(drill);
        var unit = drill.String("unit", required: false);
        var participants = Participants(drill, roles);
        var injects = Injects(drill);
        var (detections, notifications) = Expect(drill);
        var targets = Targets(drill);
        drill.RejectUnknown();
        if (drill.Errors.Count > before || targets is null)
            return null;
        return new DrillSpec(schedule, reminders, unit, participants, injects, detections, notifications, targets);
    }

    private static DrillSchedule? Schedule(YamlFields drill)
    {
        var schedule = drill.Mapping("schedule", required: false);
        if (schedule is null)
            return null;
        var cron = schedule.String("cron", required: true);
        var zone = schedule.String("time_zone", required: false) ?? DrillSchedule.DefaultTimeZone;
        schedule.RejectUnknown();
        if (cron is not null)
        {
            try
            {
                _ = CronExpression.Parse(cron);
            }
            catch (FormatException ex)
            {
                schedule.Error(schedule.Node("cron"), schedule.Join("cron"), $"biểu thức cron Quartz không hợp lệ (invalid Quartz cron, seconds first): {ex.Message}");
            }
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            schedule.Error(schedule.Node("time_zone"), schedule.Join("time_zone"), $"múi giờ '{zone}' không tồn tại (unknown time zone)");
        return cron is null ? null : new DrillSchedule(cron, zone);
    }

    private static List<TimeSpan> Reminders(YamlFields drill)
    {
        var list = new List<TimeSpan>();
        var texts = drill.Strings("reminders", required: false);
        var seq = drill.Node("reminders") as YamlSequenceNode;
        for (var i = 0; i < texts.Count; i++)
        {
            if (DurationText.TryParse(texts[i], out var value) && value > TimeSpan.Zero)
                list.Add(value);
            else
                drill.Error(seq?.Children[i], $"{drill.Join("reminders")}[{i}]", $"'{texts[i]}' không phải khoảng thời gian trước buổi diễn tập như 1d, 2h (not a positive duration)");
        }

        return list;
    }

    private static List<DrillParticipant> Participants(YamlFields drill, List<PlaybookRole> roles)
    {
        var list = new List<DrillParticipant>();
        var seq = drill.Sequence("participants", required: true);
        for (var i = 0; seq is not null && i < seq.Children.Count; i++)
        {
            var p = drill.Of(seq.Children[i], $"{drill.Join("participants")}[{i}]");
            if (p is null)
                continue;
            var name = p.String("name", required: true);
            var email = p.String("email", required: true);
            var role = PlaybookReader.RoleRef(p, "role", roles);
            p.RejectUnknown();
            if (email is not null && !PlaybookReader.IsEmail(email))
                p.Error(p.Node("email"), p.Join("email"), $"'{email}' không phải địa chỉ email (not an email address)");
            if (name is not null && email is not null && role is not null)
                list.Add(new DrillParticipant(name, email, role));
        }

        return list;
    }

    private static List<DrillInject> Injects(YamlFields drill)
    {
        var list = new List<DrillInject>();
        var seq = drill.Sequence("injects", required: true);
        for (var i = 0; seq is not null && i < seq.Children.Count; i++)
        {
            var inject = drill.Of(seq.Children[i], $"{drill.Join("injects")}[{i}]");
            if (inject is null)
                continue;
            var description = inject.String("description", required: true);
            var after = inject.Duration("after", required: false) ?? TimeSpan.Zero;
            var host = inject.String("host", required: true);
            var eventJson = Event(inject);
            inject.RejectUnknown();
            if (description is not null && host is not null && eventJson is not null)
                list.Add(new DrillInject(description, after, host, eventJson));
        }

        return list;
    }

    /// <summary>The inject's event as wire JSON, checked by the collector's own wire reader.</summary>
    private static string? Event(YamlFields inject)
    {
        var node = inject.Node("event");
        var field = inject.Join("event");
        if (node is null)
        {
            inject.Error(null, field, "bắt buộc: sự kiện theo dạng EVENT của docs/protocol.md (required: a wire EVENT)");
            return null;
        }

        if (node is not YamlMappingNode map)
        {
            inject.Error(node, field, "phải là một bảng khóa: giá trị (must be a mapping)");
            return null;
        }

        try
        {
            var json = YamlJson.Convert(map)!.AsObject();
            if (json.ContainsKey("time"))
            {
                inject.Error(map.Children[new YamlScalarNode("time")], field + ".time", "không ghi 'time': thời điểm được đặt khi gửi (leave 'time' out: it is set when the event is sent)");
                return null;
            }

            var text = json.ToJsonString();
            _ = new DrillInject("", TimeSpan.Zero, "HOST", text).ToEvent(DateTimeOffset.UnixEpoch, 1);
            return text;
        }
        catch (WireFormatException ex)
        {
            inject.Error(node, field + ex.Field["event".Length..], ex.Message);
        }
        catch (Exception ex) when (ex is InvalidCastException or InvalidOperationException or JsonException)
        {
            inject.Error(node, field, $"sự kiện không hợp lệ (invalid event): {ex.Message}");
        }

        return null;
    }

    private static (IReadOnlyList<string>, IReadOnlyList<ExpectedNotification>) Expect(YamlFields drill)
    {
        var expect = drill.Mapping("expect", required: true);
        if (expect is null)
            return ([], []);
        var detections = expect.Strings("detections", required: true);
        var notifications = new List<ExpectedNotification>();
        var seq = expect.Sequence("notifications", required: false);
        for (var i = 0; seq is not null && i < seq.Children.Count; i++)
        {
            var n = expect.Of(seq.Children[i], $"{expect.Join("notifications")}[{i}]");
            if (n is null)
                continue;
            var to = n.String("to", required: true);
            var subject = n.String("subject_contains", required: false);
            n.RejectUnknown();
            if (to is not null && !PlaybookReader.IsEmail(to))
                n.Error(n.Node("to"), n.Join("to"), $"'{to}' không phải địa chỉ email (not an email address)");
            else if (to is not null)
                notifications.Add(new ExpectedNotification(to, subject));
        }

        expect.RejectUnknown();
        return (detections, notifications);
    }

    private static DrillTargets? Targets(YamlFields drill)
    {
        var targets = drill.Mapping("targets", required: true);
        if (targets is null)
            return null;
        var detect = targets.Duration("detect", required: true);
        var open = targets.Duration("open_incident", required: true);
        var notify = targets.Duration("notify", required: true);
        var ack = targets.Duration("acknowledge", required: false);
        var dashboard = targets.Duration("dashboard_acknowledge", required: false);
        targets.RejectUnknown();
        return detect is null || open is null || notify is null ? null : new DrillTargets(detect.Value, open.Value, notify.Value, ack, dashboard);
    }
}
