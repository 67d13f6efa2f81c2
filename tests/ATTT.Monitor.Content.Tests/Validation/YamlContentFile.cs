using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ATTT.Monitor.Content.Tests.Validation;

/// <summary>Reads a content file's single YAML document whose root is a mapping.</summary>
internal static class YamlContentFile
{
    /// <summary>The root mapping, or null with the reason added to <paramref name="problems"/>.</summary>
    public static YamlMappingNode? LoadRoot(string path, List<ContentProblem> problems)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = Open(path);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            // A duplicate key is reported here too: an entry written twice must not silently win.
            problems.Add(new ContentProblem(path, (int)ex.Start.Line, "(file)", $"is not valid YAML: {ex.Message}"));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 16 throws this instead of a YamlException for some unterminated constructs
            // (a flow list left open at the end of the file); name the last line it could read.
            problems.Add(new ContentProblem(path, LastReadableLine(path), "(file)", "is not valid YAML: a construct is left unterminated after this line"));
            return null;
        }

        if (stream.Documents.Count != 1)
        {
            problems.Add(new ContentProblem(path, 1, "(file)", $"must hold exactly one YAML document, found {stream.Documents.Count}"));
            return null;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            problems.Add(new ContentProblem(path, Line(stream.Documents[0].RootNode), "(file)", "the top level must be a mapping"));
            return null;
        }

        return root;
    }

    public static int Line(YamlNode node) => (int)node.Start.Line;

    private static StreamReader Open(string path) => new(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);

    private static int LastReadableLine(string path)
    {
        using var reader = Open(path);
        var scanner = new Scanner(reader);
        var line = 1;
        try
        {
            while (scanner.MoveNext())
                line = (int)scanner.Current!.End.Line;
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            // The scanner stops where the parser did; the last token it gave is the line to look at.
        }

        return line;
    }
}
