using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ATTT.Monitor.Collector.Playbooks;

/// <summary>
/// Loads playbook files (<c>*.yml</c>, <c>*.yaml</c>; a folder is read recursively). A file with
/// any error is not loaded and every error of it is reported; the other files still load.
/// Used by <c>attt playbooks check</c> and by the collector at start, so both agree.
/// </summary>
public static class PlaybookLoader
{
    public static PlaybookLoadResult Load(IEnumerable<string> paths, IReadOnlySet<string>? extraCategories = null)
    {
        var playbooks = new List<Playbook>();
        var errors = new List<PlaybookError>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Expand(paths, errors))
        {
            var fileErrors = new List<PlaybookError>();
            var playbook = LoadFile(file, fileErrors, extraCategories);
            if (playbook is not null && ids.TryGetValue(playbook.Id, out var first))
            {
                fileErrors.Add(new PlaybookError(file, 1, "id", $"mã '{playbook.Id}' đã dùng trong {first} (duplicate playbook id)"));
                playbook = null;
            }

            if (playbook is not null)
            {
                ids[playbook.Id] = file;
                playbooks.Add(playbook);
            }

            errors.AddRange(fileErrors.OrderBy(e => e.Line));
        }

        return new PlaybookLoadResult(playbooks, errors);
    }

    public static Playbook? LoadFile(string file, List<PlaybookError> errors, IReadOnlySet<string>? extraCategories = null)
    {
        var stream = new YamlStream();
        Parser? parser = null;
        try
        {
            using var reader = new StreamReader(file, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            parser = new Parser(reader);
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            errors.Add(new PlaybookError(file, (int)Math.Max(1, ex.Start.Line), "", $"YAML không hợp lệ (invalid YAML): {Reason(ex)}"));
            return null;
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner throws this on some malformed flow collections; the last token
            // the parser produced is the best position there is.
            var line = (int)Math.Max(1, parser?.Current?.End.Line ?? 1);
            errors.Add(new PlaybookError(file, line, "", $"YAML không hợp lệ (invalid YAML): {ex.Message}"));
            return null;
        }
        catch (IOException ex)
        {
            errors.Add(new PlaybookError(file, 1, "", $"không đọc được tệp (cannot read the file): {ex.Message}"));
            return null;
        }

        if (stream.Documents.Count != 1)
        {
            errors.Add(new PlaybookError(file, 1, "", $"mỗi tệp chứa đúng một kịch bản; tệp này có {stream.Documents.Count} (one playbook per file)"));
            return null;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new PlaybookError(file, YamlFields.Line0(stream.Documents[0].RootNode), "", "kịch bản phải là một bảng khóa: giá trị (a playbook is a mapping)"));
            return null;
        }

        return PlaybookReader.Read(root, file, errors, extraCategories);
    }

    private static string Reason(YamlException ex) =>
        (ex.InnerException?.Message ?? ex.Message).ReplaceLineEndings(" ");

    private static IEnumerable<string> Expand(IEnumerable<string> paths, List<PlaybookError> errors)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(IsPlaybookFile)
                    .Order(StringComparer.Ordinal);
                foreach (var file in files)
                    yield return file;
            }
            else if (File.Exists(path))
            {
                yield return path;
            }
            else
            {
                errors.Add(new PlaybookError(path, 1, "", "không có tệp hay thư mục này (no such file or folder)"));
            }
        }
    }

    private static bool IsPlaybookFile(string file) =>
        file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);
}
