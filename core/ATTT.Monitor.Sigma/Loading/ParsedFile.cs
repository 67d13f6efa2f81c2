using ATTT.Monitor.Sigma.Parsing;

namespace ATTT.Monitor.Sigma.Loading;

/// <summary>What one rule file parsed to: its rules, filters and correlations, and the documents that failed.</summary>
internal sealed class ParsedFile(string path)
{
    public string Path => path;
    public List<ParsedRule> Rules { get; } = [];
    public List<ParsedFilter> Filters { get; } = [];
    public List<ParsedCorrelation> Correlations { get; } = [];
    public List<SigmaDiagnostic> Diagnostics { get; } = [];

    /// <summary>Reads and parses one file (or the given text); a failure is a diagnostic, never an exception.</summary>
    public static ParsedFile Parse(string path, string? text)
    {
        var file = new ParsedFile(path);
        IReadOnlyList<RuleDocument>? docs = file.Guard(1, () =>
        {
            using var reader = text is null ? new StreamReader(path) : (TextReader)new StringReader(text);
            return RuleFileReader.Read(path, reader);
        });
        if (docs is null) return file;
        foreach (var doc in docs)
        {
            switch (file.Guard(doc.Document, () => RuleParser.Parse(doc)))
            {
                case ParsedRule r: file.Rules.Add(r); break;
                case ParsedFilter f: file.Filters.Add(f); break;
                case ParsedCorrelation c: file.Correlations.Add(c); break;
                default: break;
            }
        }

        return file;
    }

    private T? Guard<T>(int document, Func<T> action) where T : class =>
        LoadGuard.Run(Diagnostics, path, document, null, action);
}
