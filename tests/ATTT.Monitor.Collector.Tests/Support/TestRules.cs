namespace ATTT.Monitor.Collector.Tests.Support;

/// <summary>Sigma rules written to a folder for detection tests.</summary>
internal static class TestRules
{
    public const string FailedLogonId = "0e95725d-7320-415d-80f7-004da920fc11";
    public const string SuccessfulLogonId = "5b7e2b19-8d8a-4d41-9b7e-2b5b1b0a3c44";

    public static string FailedLogon(string level = "high") => $$"""
        title: Đăng nhập thất bại (kiểm thử) / Failed logon (test)
        id: {{FailedLogonId}}
        status: test
        level: {{level}}
        tags:
            - attack.credential_access
            - attack.t1110
        logsource:
            product: windows
            service: security
        detection:
            selection:
                EventID: 4625
            condition: selection
        """;

    public static string SuccessfulLogon() => $$"""
        title: Đăng nhập thành công (kiểm thử) / Successful logon (test)
        id: {{SuccessfulLogonId}}
        status: test
        level: low
        logsource:
            product: windows
            service: security
        detection:
            selection:
                EventID: 4624
            condition: selection
        """;

    public const string Broken = """
        title: Broken
        id: 8a1e7f2c-0000-4000-8000-000000000001
        logsource:
            product: windows
            service: security
        detection:
            selection:
                EventID: 4625
            condition: selection and nothing_defined
        """;
}
