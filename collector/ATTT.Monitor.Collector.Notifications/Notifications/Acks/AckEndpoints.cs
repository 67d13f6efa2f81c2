using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ATTT.Monitor.Collector.Notifications.Templates;

namespace ATTT.Monitor.Collector.Notifications.Acks;

/// <summary>
/// Confirmation links. GET only shows a small page with a button, because mail scanners fetch links
/// on their own; the POST of that button records the confirmation. Anonymous: the signed, expiring
/// token is the credential. Limited per client address so tokens cannot be guessed at speed.
/// </summary>
internal static class AckEndpoints
{
    public const string Path = "/notifications/ack/{token}";

    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/notifications/ack").AllowAnonymous();
        group.MapGet("/{token}", ShowAsync);
        group.MapPost("/{token}", ConfirmAsync).DisableAntiforgery();
    }

    private static async Task<IResult> ShowAsync(string token, HttpContext http, AckService acks, AckRateLimiter limiter, CancellationToken cancellationToken)
    {
        if (!limiter.TryAcquire(http))
            return Page(HttpStatusCode.TooManyRequests, "Quá nhiều yêu cầu", "<p>Vui lòng thử lại sau một phút.</p>");
        var target = await acks.FindAsync(token, cancellationToken).ConfigureAwait(false);
        if (target is null)
            return Invalid();
        if (target.Existing is { } done)
            return Page(HttpStatusCode.OK, "Đã xác nhận", $"<p>Thông báo <strong>{E(target.Subject)}</strong> đã được xác nhận bởi {E(done.ConfirmedBy)} lúc {E(VietnameseLabels.Time(done.ConfirmedAt))}.</p>");
        var body = $"""
            <p>Thông báo: <strong>{E(target.Subject)}</strong></p>
            <p>Gửi tới: {E(target.RecipientName)} &lt;{E(target.RecipientEmail)}&gt;</p>
            <form method="post">
              <label for="by">Họ tên người xác nhận (không bắt buộc)</label><br>
              <input id="by" name="by" maxlength="200" autocomplete="name"><br><br>
              <button type="submit">Xác nhận đã nhận thông báo</button>
            </form>
            <p lang="en" style="color:#555">Confirm receipt of this notice.</p>
            """;
        return Page(HttpStatusCode.OK, "Xác nhận đã nhận thông báo", body);
    }

    private static async Task<IResult> ConfirmAsync(string token, HttpContext http, AckService acks, AckRateLimiter limiter, CancellationToken cancellationToken)
    {
        if (!limiter.TryAcquire(http))
            return Page(HttpStatusCode.TooManyRequests, "Quá nhiều yêu cầu", "<p>Vui lòng thử lại sau một phút.</p>");
        var target = await acks.FindAsync(token, cancellationToken).ConfigureAwait(false);
        if (target is null)
            return Invalid();
        string? by = null;
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            by = form["by"].ToString();
        }

        var ack = await acks.ConfirmAsync(target, by, http.Connection.RemoteIpAddress?.ToString(), cancellationToken).ConfigureAwait(false);
        return Page(HttpStatusCode.OK, "Đã xác nhận", $"<p>Cảm ơn. Đã ghi nhận {E(ack.ConfirmedBy)} xác nhận lúc {E(VietnameseLabels.Time(ack.ConfirmedAt))}.</p><p lang=\"en\" style=\"color:#555\">Receipt confirmed.</p>");
    }

    private static IResult Invalid() =>
        Page(HttpStatusCode.NotFound, "Liên kết không hợp lệ", "<p>Liên kết xác nhận không hợp lệ hoặc đã hết hạn.</p><p lang=\"en\" style=\"color:#555\">The link is invalid or has expired.</p>");

    // Keeps Vietnamese letters readable in the source while encoding every markup character.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string value) => Html.Encode(value);

    private static IResult Page(HttpStatusCode status, string title, string body)
    {
        var html = $"""
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex"><title>{E(title)} - ATTT Monitor</title></head>
            <body style="font-family: Arial, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem;">
            <h1 style="font-size: 1.4rem;">{E(title)}</h1>
            {body}
            </body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, (int)status);
    }
}
