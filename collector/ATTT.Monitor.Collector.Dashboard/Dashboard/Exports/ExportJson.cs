using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace ATTT.Monitor.Collector.Dashboard.Exports;

/// <summary>JSON exports: indented, Vietnamese letters as UTF-8 rather than \u escapes (markup characters still escaped).</summary>
internal static class ExportJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };
}
