using System.Globalization;
using System.Text;

namespace ATTT.Monitor.Collector.Dashboard.Exports;

/// <summary>
/// Writes RFC 4180 CSV for spreadsheets: UTF-8 with a byte-order mark (Excel then reads Vietnamese
/// letters correctly), CRLF line ends, fields quoted when they hold a comma, quote or line break.
/// Event text is attacker-controlled, so a cell starting with = + - @ (or a tab or carriage return)
/// is prefixed with ' and a spreadsheet never runs it as a formula; plain numbers are left alone.
/// Any export (incidents, search results) writes through this type.
/// </summary>
internal sealed class CsvWriter
{
    private readonly StringBuilder _text = new("\uFEFF");
    private readonly int _columns;

    public CsvWriter(params string[] header)
    {
        ArgumentNullException.ThrowIfNull(header);
        _columns = header.Length;
        Row(header);
        Rows = 0;
    }

    public int Rows { get; private set; }

    /// <summary>One record; it must have as many cells as the header (null is an empty cell).</summary>
    public CsvWriter Row(params string?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != _columns)
            throw new ArgumentException($"A CSV row has {cells.Length} cells, the header {_columns}.", nameof(cells));
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
                _text.Append(',');
            _text.Append(Cell(cells[i] ?? ""));
        }

        _text.Append("\r\n");
        Rows++;
        return this;
    }

    public override string ToString() => _text.ToString();

    /// <summary>The file's bytes (UTF-8; the BOM is the text's first character).</summary>
    public byte[] ToBytes() => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(_text.ToString());

    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
