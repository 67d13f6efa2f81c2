namespace ATTT.Monitor.Collector.Tests.Support;

/// <summary>A small valid playbook as text, to be broken line by line by the validation tests.</summary>
internal static class PlaybookYaml
{
    public const string Valid = """
        id: thu-nghiem
        title: Kịch bản thử nghiệm
        scenario: Máy trạm phát hiện mã độc.
        answers:
          categories: [malware]
          rules: [57b649ef-ff42-4fb0-8bf6-62da243a1708]
        roles:
          - id: can-bo-cntt
            name: Cán bộ phụ trách CNTT xã
          - id: lanh-dao-xa
            name: Lãnh đạo UBND xã
        steps:
          - id: cach-ly
            role: can-bo-cntt
            action: Cô lập máy.
            checklist: [Rút cáp mạng.]
            evidence: [Ảnh chụp cảnh báo.]
            deadline: 30m
          - id: bao-cao
            role: lanh-dao-xa
            action: Quyết định báo cáo.
            deadline: 8h
        drill:
          schedule:
            cron: "0 0 9 ? 3 TUE#2"
          reminders: [1d]
          participants:
            - name: Cán bộ CNTT
              email: cntt@xa.example.vn
              role: can-bo-cntt
          injects:
            - description: Defender phát hiện EICAR.
              after: 0s
              host: PC-01
              event:
                provider: Microsoft-Windows-Windows Defender
                event_id: 1116
                channel: Microsoft-Windows-Windows Defender/Operational
                payload: EventData
                data:
                  - ["Threat Name", "Virus:DOS/EICAR_Test_File"]
                  - ["Process ID", 4242]
          expect:
            detections: [57b649ef-ff42-4fb0-8bf6-62da243a1708]
            notifications:
              - to: canh-bao@congan.example.vn
                subject_contains: "[TBSC]"
          targets:
            detect: 2m
            open_incident: 5m
            notify: 15m
            acknowledge: 4h
        """;

    /// <summary><see cref="Valid"/> with the first occurrence of <paramref name="find"/> replaced.</summary>
    public static string With(string find, string replace)
    {
        var at = Valid.IndexOf(find, StringComparison.Ordinal);
        if (at < 0)
            throw new ArgumentException($"'{find}' is not in the sample playbook.", nameof(find));
        return string.Concat(Valid.AsSpan(0, at), replace, Valid.AsSpan(at + find.Length));
    }

    /// <summary>The 1-based line of the first occurrence of <paramref name="text"/> in <paramref name="yaml"/>.</summary>
    public static int LineOf(string yaml, string text) =>
        yaml[..yaml.IndexOf(text, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
}
