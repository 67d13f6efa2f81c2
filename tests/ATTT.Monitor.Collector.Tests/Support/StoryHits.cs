using ATTT.Monitor.Collector.Detection;

namespace ATTT.Monitor.Collector.Tests.Support;

/// <summary>Detections of one attack as the pipeline hands them over: ATT&amp;CK tags, product rules, links.</summary>
internal static class StoryHits
{
    public static DetectionHit Rule(string ruleId, long eventId, DateTimeOffset at, string level, params string[] tags) => new(
        ruleId, "Rule " + ruleId, level, tags, null, "xa-sang-moc", "PC-KETOAN-01", "a_01", false, eventId, at);

    /// <summary>A discovery command (whoami, net group).</summary>
    public static DetectionHit Discovery(long eventId, DateTimeOffset at) =>
        Rule("11111111-0000-4000-8000-000000000001", eventId, at, "medium", "attack.discovery", "attack.t1033");

    /// <summary>A UAC bypass, tagged the pre-v19 way.</summary>
    public static DetectionHit PrivilegeEscalation(long eventId, DateTimeOffset at) =>
        Rule("11111111-0000-4000-8000-000000000002", eventId, at, "medium", "attack.privilege_escalation", "attack.t1548.002");

    /// <summary>An LSASS dump seen by a SigmaHQ rule.</summary>
    public static DetectionHit LsassDump(long eventId, DateTimeOffset at, string level = "medium") =>
        Rule("11111111-0000-4000-8000-000000000003", eventId, at, level, "attack.credential-access", "attack.t1003.001");

    /// <summary>The product's own LSASS rule, with its Vietnamese text; it names <see cref="LsassDump"/> as its SigmaHQ twin.</summary>
    public static DetectionHit ProductLsassDump(long eventId, DateTimeOffset at) =>
        Rule("5b0e3a10-7f4c-4f0e-9a51-0a1b2c3d4e99", eventId, at, "high", "attack.credential-access", "attack.t1003") with
        {
            RuleTitle = "Kết xuất bộ nhớ tiến trình LSASS",
            Description = "Một chương trình đã đọc bộ nhớ của LSASS.",
            IsProductRule = true,
            Related = ["11111111-0000-4000-8000-000000000003"],
            Guidance = new RuleGuidance("Kẻ tấn công lấy được mật khẩu.", ["Cô lập máy.", "Đổi mật khẩu."]),
        };
}
