using System.Diagnostics;
using System.Text;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Deadlines;
using ATTT.Monitor.Collector.Reports;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ATTT.Monitor.Collector.Tests.Reports;

public sealed class ReportServiceTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string?> Organisation = new()
    {
        ["Notifications:Reporting:Organisation"] = "UBND xã Sảng Mộc",
        ["Notifications:Reporting:Address"] = "Xã Sảng Mộc, tỉnh Thái Nguyên",
        ["Notifications:Reporting:ContactName"] = "Nguyễn Văn Hùng",
        ["Notifications:Reporting:ContactPhone"] = "0208 3 123 456",
        ["Notifications:Reporting:ContactEmail"] = NotificationSettings.ItOfficer,
        ["Notifications:Reporting:Signatory"] = "Chủ tịch UBND xã",
    };

    private static async Task<(NotificationsHarness H, IReportService Reports)> StartAsync(ManualTimeProvider time)
    {
        var h = await NotificationsHarness.StartAsync(Organisation, time);
        await h.ChangeAsync(IncidentChanges.Opened(severity: IncidentSeverity.Critical, title: "Mã độc <mã hoá> tệp tin"));
        await h.Sender.ProcessDueAsync(Ct);
        return (h, h.Services.GetRequiredService<IReportService>());
    }

    [Fact]
    public async Task An_initial_report_draft_fills_every_field_of_form_03_from_the_incident()
    {
        var time = new ManualTimeProvider(IncidentChanges.Detected.AddHours(1));
        var (h, reports) = await StartAsync(time);
        await using var _ = h;

        var draft = await reports.CreateDraftAsync(1, ReportForm.Initial, Ct);
        var f = draft.Fields;
        Assert.Equal("UBND xã Sảng Mộc", f.ReportingOrganisation);
        Assert.Equal("Nguyễn Văn Hùng", f.ContactName);
        Assert.Equal("UBND xã Sảng Mộc", f.Owner);
        Assert.Equal(2, f.SecurityLevel);
        Assert.Equal("PC-KETOAN-01", f.DomainOrIp);
        Assert.StartsWith("Mã độc <mã hoá> tệp tin. Loại sự cố: mã độc tống tiền", f.Description, StringComparison.Ordinal);
        Assert.Equal("09:00 ngày 20/11/2026 (GMT+7)", f.DetectedAt);
        Assert.Equal("mới", f.IncidentStatus);
        Assert.Contains("ATTT Monitor", f.DetectionMethod, StringComparison.Ordinal);
        Assert.Contains("Phòng An ninh mạng - Công an tỉnh", f.AlreadyNotified, StringComparison.Ordinal);
        Assert.True(f.KeepConfidential);
        Assert.Equal("10:00 ngày 20/11/2026 (GMT+7)", f.ReportedAt);
        Assert.Equal(draft.Id, (await reports.CreateDraftAsync(1, ReportForm.Initial, Ct)).Id);

        var html = reports.RenderHtml(draft);
        foreach (var row in ReportLayout.Rows(draft))
            Assert.Contains(row.Label, html, StringComparison.Ordinal);
        Assert.Contains("BÁO CÁO BAN ĐẦU SỰ CỐ AN TOÀN THÔNG TIN MẠNG", html, StringComparison.Ordinal);
        Assert.Contains("Mã độc &lt;mã hoá&gt; tệp tin", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<mã hoá>", html, StringComparison.Ordinal);
        Assert.Contains("@page { size: A4", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edits_are_kept_and_sending_attaches_the_pdf_meets_the_deadline_and_freezes_the_report()
    {
        var time = new ManualTimeProvider(IncidentChanges.Detected.AddHours(1));
        var (h, reports) = await StartAsync(time);
        await using var _ = h;
        var draft = await reports.CreateDraftAsync(1, ReportForm.Initial, Ct);
        draft.Fields.SupportRequested = "Đề nghị Công an tỉnh hỗ trợ phân tích mã độc.";
        var edited = await reports.UpdateAsync(draft.Id, draft.Fields, Ct);
        Assert.Equal("Đề nghị Công an tỉnh hỗ trợ phân tích mã độc.", edited.Fields.SupportRequested);

        var sent = await reports.SendAsync(draft.Id, Ct);
        Assert.Equal(IncidentReport.Sent, sent.Status);
        await Assert.ThrowsAsync<InvalidOperationException>(() => reports.UpdateAsync(draft.Id, draft.Fields, Ct));
        var clocks = await h.Services.GetRequiredService<IDeadlineClock>().GetAsync(1, Ct);
        Assert.True(clocks.Single(c => c.Key == "initial_report_24h").IsMet);

        var rows = await h.RowsAsync("kind = 'report'");
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.StartsWith("[TBSC] Báo cáo ban đầu (Biểu mẫu 03) số ", r.Subject, StringComparison.Ordinal));
        await h.Sender.ProcessDueAsync(Ct);
        var police = Directory.GetFiles(Path.Combine(h.DataPath, "outbox-eml"), "*.eml").Select(f => MimeMessage.Load(f))
            .Single(m => (m.Subject ?? "").Contains("Biểu mẫu 03", StringComparison.Ordinal) && m.MessageId == rows.Single(r => r.RecipientEmail == NotificationSettings.Police).MessageId);
        var pdf = Assert.Single(police.Attachments.OfType<MimePart>());
        Assert.Equal("application/pdf", pdf.ContentType.MimeType);
        using var content = new MemoryStream();
        await pdf.Content!.DecodeToAsync(content, Ct);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(content.ToArray(), 0, 5), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closing_report_names_the_initial_report_and_adds_result_and_attachments()
    {
        var time = new ManualTimeProvider(IncidentChanges.Detected.AddHours(1));
        var (h, reports) = await StartAsync(time);
        await using var _ = h;
        var initial = await reports.SendAsync((await reports.CreateDraftAsync(1, ReportForm.Initial, Ct)).Id, Ct);
        time.Advance(TimeSpan.FromDays(2));
        await h.ChangeAsync(IncidentChanges.With(IncidentChanges.Opened(severity: IncidentSeverity.Critical), IncidentChangeKind.StateChanged, time.GetUtcNow()).WithIncident(it => it with { State = IncidentState.Resolved }));

        var closing = await reports.CreateDraftAsync(1, ReportForm.Closing, Ct);
        Assert.Equal(initial.Number, closing.Fields.InitialReportNumber);
        Assert.Equal("20/11/2026", closing.Fields.InitialReportDate);
        Assert.Equal("Sự cố đã khắc phục.", closing.Fields.HandlingResult);
        var labels = ReportLayout.Rows(closing).Select(r => r.Label).ToList();
        Assert.Contains("Số, ngày báo cáo ban đầu", labels);
        Assert.Contains("Kết quả xử lý sự cố", labels);
        Assert.Contains("Tài liệu kèm theo (nhật ký, kế hoạch ứng phó)", labels);
        Assert.Contains("BÁO CÁO KẾT THÚC ỨNG PHÓ SỰ CỐ", reports.RenderHtml(closing), StringComparison.Ordinal);

        await reports.SendAsync(closing.Id, Ct);
        Assert.True((await h.Services.GetRequiredService<IDeadlineClock>().GetAsync(1, Ct)).Single(c => c.Key == "closing_report_5d").IsMet);
    }

    [Fact]
    public async Task The_pdf_embeds_a_unicode_font_and_carries_the_Vietnamese_text()
    {
        var time = new ManualTimeProvider(IncidentChanges.Detected.AddHours(1));
        var (h, reports) = await StartAsync(time);
        await using var _ = h;
        var draft = await reports.CreateDraftAsync(1, ReportForm.Initial, Ct);
        draft.Fields.Description = string.Join(' ', Enumerable.Repeat("Máy trạm kế toán bị mã hoá dữ liệu, nghi do tệp đính kèm thư điện tử giả mạo.", 60));
        var pdf = reports.RenderPdf(await reports.UpdateAsync(draft.Id, draft.Fields, Ct));

        var raw = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-", raw, StringComparison.Ordinal);
        Assert.Contains("/FontFile2", raw, StringComparison.Ordinal);
        Assert.Contains("/ToUnicode", raw, StringComparison.Ordinal);
        using (var reopened = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import))
            Assert.True(reopened.PageCount >= 2, $"a long description flows onto further pages ({reopened.PageCount})");
        var dump = Environment.GetEnvironmentVariable("ATTT_TEST_PDF_DUMP");
        if (!string.IsNullOrEmpty(dump))
            await File.WriteAllBytesAsync(dump, pdf, Ct);

        // Read the text back as a reader's PDF viewer would: every label of the form, with its Vietnamese letters.
        var words = await PdfText.WordsAsync(pdf, Ct);
        var report = await reports.GetAsync(draft.Id, Ct);
        string[] labels = [ReportLayout.Nation, ReportLayout.Motto, ReportLayout.FormLabel(ReportForm.Initial), ReportForm.Title(ReportForm.Initial), "Người báo cáo", "(Ký, ghi rõ họ tên, đóng dấu)",
            .. ReportLayout.Rows(report!).Select(r => r.Number + ". " + r.Label)];
        Assert.All(labels, label => Assert.True(PdfText.Reads(words, label), $"\"{label}\" is not in the PDF's text: {string.Join(' ', words)}"));
        Assert.True(PdfText.Reads(words, "Nguyễn Văn Hùng"));
    }
}
