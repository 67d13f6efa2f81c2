using ATTT.Monitor.Inputs;

namespace ATTT.Monitor.Collector.Cli.Scan;

/// <summary>
/// The input files of a scan: a file as given, whatever its name, when its content or its name is
/// that of an event file (a damaged .evtx is still read for what it holds); a folder read
/// recursively for .evtx, .json, .jsonl, .ndjson and .zip. Each file's format is told from its
/// content when it is read (<see cref="EventFileReader"/>).
/// </summary>
internal static class ScanInputs
{
    public static List<string> Enumerate(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                if (!InputFiles.HasExtension(path, InputKinds.All) && IsUnknown(path))
                    throw new BadInputException($"Input '{path}' is not an event file: not EVTX, not JSON (an object or array), not a zip archive.");
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(InputFiles.List(path, InputKinds.All).Select(f => f.Path));
            }
            else
            {
                throw new BadInputException($"Input '{path}' does not exist.");
            }
        }

        return files;
    }

    // A file that cannot be opened is left to the scan, which reports it as a failure (exit 1).
    private static bool IsUnknown(string path)
    {
        try
        {
            return InputFiles.Detect(path) == InputFileKind.Unknown;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
