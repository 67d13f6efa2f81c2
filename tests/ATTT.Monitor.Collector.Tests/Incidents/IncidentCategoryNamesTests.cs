using System.Reflection;
using System.Text;
using ATTT.Monitor.Collector.Dashboard.Exports;
using ATTT.Monitor.Collector.Dashboard.Localization;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Outbox;
using ATTT.Monitor.Collector.Notifications.Templates;
using Microsoft.AspNetCore.Http;

namespace ATTT.Monitor.Collector.Tests.Incidents;

/// <summary>
/// One table names the categories for the dashboard, the exports, the notices and the reports; these
/// tests pin its wording (golden) and check that every reader takes its names from it.
/// </summary>
public sealed class IncidentCategoryNamesTests
{
    public static TheoryData<string, string, string> Golden => new()
    {
        { IncidentCategory.Malware, "mã độc trên máy trạm", "malware on a workstation" },
        { IncidentCategory.Ransomware, "mã độc tống tiền (ransomware)", "ransomware" },
        { IncidentCategory.AccountCompromise, "tài khoản bị xâm phạm", "account compromise" },
        { IncidentCategory.Phishing, "lừa đảo trực tuyến (phishing)", "phishing" },
        { IncidentCategory.Defacement, "thay đổi giao diện cổng thông tin", "portal defacement" },
        { IncidentCategory.DataBreach, "lộ lọt dữ liệu cá nhân", "personal data breach" },
        { IncidentCategory.Intrusion, "xâm nhập trái phép máy trạm", "workstation intrusion" },
        { IncidentCategory.ProtectionDisabled, "tắt bảo vệ / phần mềm diệt virus", "protection or antivirus disabled" },
        { IncidentCategory.AgentSilent, "tác tử mất kết nối", "agent silent" },
        { IncidentCategory.Other, "cảnh báo khác", "other alert" },
    };

    [Theory]
    [MemberData(nameof(Golden))]
    public void Each_category_has_its_pinned_names(string code, string vietnamese, string english)
    {
        Assert.Equal(vietnamese, IncidentCategoryNames.Vietnamese(code));
        Assert.Equal(english, IncidentCategoryNames.English(code));
    }

    [Fact]
    public void The_table_names_every_category_the_product_assigns_and_no_two_alike()
    {
        var declared = typeof(IncidentCategory).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal);
        Assert.Equal(declared, IncidentCategoryNames.Codes.Order(StringComparer.Ordinal));
        Assert.Equal(IncidentCategoryNames.Codes.Count, IncidentCategoryNames.Codes.Select(IncidentCategoryNames.Vietnamese).Distinct().Count());
        Assert.Equal(IncidentCategoryNames.Codes.Count, IncidentCategoryNames.Codes.Select(IncidentCategoryNames.English).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Golden))]
    public void Dashboard_and_notices_word_a_category_alike(string code, string vietnamese, string english)
    {
        var vi = TextsIn(DashboardLanguage.Vietnamese);
        var en = TextsIn(DashboardLanguage.English);
        Assert.Equal(vietnamese, VietnameseLabels.Category(code));
        Assert.Equal(char.ToUpperInvariant(vietnamese[0]) + vietnamese[1..], vi.Category(code));
        Assert.Equal(char.ToUpperInvariant(english[0]) + english[1..], en.Category(code));
    }

    [Fact]
    public void A_notice_and_an_export_carry_the_tables_name()
    {
        var at = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        var defenderOff = new Incident(7, "Tắt Defender", null, null, [], IncidentCategory.ProtectionDisabled, IncidentSeverity.High, IncidentState.New,
            "default", "KT-01", null, at, at, 1, false, null, null, at, at, null, null);
        Assert.Equal("tắt bảo vệ / phần mềm diệt virus", NotificationComposer.IncidentValues(defenderOff, backfill: false)["category"]);

        var incident = new Incident(7, "Tắt Defender", null, null, [], IncidentCategory.AgentSilent, IncidentSeverity.Low, IncidentState.New,
            "default", "KT-01", null, at, at, 1, false, null, null, at, at, null, null);
        var csv = Encoding.UTF8.GetString(IncidentExport.Csv([incident], TextsIn(DashboardLanguage.Vietnamese)));
        Assert.Contains(",Tác tử mất kết nối,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void A_category_added_by_configuration_is_shown_by_its_code()
    {
        Assert.Equal("ddos_portal", VietnameseLabels.Category("ddos_portal"));
        Assert.Equal("ddos_portal", IncidentCategoryNames.English("ddos_portal"));
        Assert.Equal("ddos_portal", TextsIn(DashboardLanguage.Vietnamese).Category("ddos_portal"));
    }

    private static DashboardText TextsIn(string language)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = $"{DashboardLanguage.CookieName}={language}";
        return new DashboardText(new HttpContextAccessor { HttpContext = context });
    }
}
