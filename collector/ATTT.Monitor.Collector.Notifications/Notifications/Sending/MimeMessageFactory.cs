using System.Globalization;
using ATTT.Monitor.Collector.Notifications.Options;
using ATTT.Monitor.Collector.Notifications.Outbox;
using MimeKit;

namespace ATTT.Monitor.Collector.Notifications.Sending;

/// <summary>
/// Builds the MIME message of an outbox row: UTF-8 subject and multipart/alternative plain text and
/// HTML, each part with a Content-Transfer-Encoding that keeps it 7-bit (quoted-printable or base64,
/// whichever is shorter for the text), the row's stable Message-Id (so a resend after a crash is
/// recognisable), the To (and Cc) the row was composed for, and attachments (report PDFs). The
/// envelope goes to the row's recipient only.
/// </summary>
internal static class MimeMessageFactory
{
    public static MimeMessage Create(OutboxMessage row, SmtpOptions smtp)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(smtp.FromName, smtp.From));
        message.To.AddRange(row.ToList.Select(p => new MailboxAddress(p.Name, p.Email)));
        message.Cc.AddRange(row.CcList.Select(p => new MailboxAddress(p.Name, p.Email)));
        if (message.To.Count == 0 && message.Cc.Count == 0)
            message.To.Add(new MailboxAddress(row.RecipientName, row.RecipientEmail));
        message.Subject = row.Subject;
        message.MessageId = row.MessageId;
        message.Date = row.CreatedAt;
        if (row.IncidentId is { } incident)
            message.Headers.Add("X-ATTT-Incident", incident.ToString(CultureInfo.InvariantCulture));
        if (row.IsDrill)
            message.Headers.Add("X-ATTT-Drill", "yes");

        var body = new BodyBuilder { TextBody = row.TextBody, HtmlBody = row.HtmlBody };
        foreach (var a in row.Attachments)
            body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.ContentType));
        message.Body = body.ToMessageBody();
        // Without this, a message written to an .eml file carries raw 8-bit UTF-8 with no
        // Content-Transfer-Encoding; SMTP relays that do not offer 8BITMIME may mangle it.
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }

    public static MailboxAddress Sender(SmtpOptions smtp) => new(smtp.FromName, smtp.From);

    public static MailboxAddress EnvelopeRecipient(OutboxMessage row) => new(row.RecipientName, row.RecipientEmail);
}
