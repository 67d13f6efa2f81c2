namespace ATTT.Monitor.Collector.Notifications.Templates;

/// <summary>A message rendered from templates: subject, plain text, and HTML (values already encoded).</summary>
internal sealed record RenderedMessage(string Subject, string TextBody, string HtmlBody);
