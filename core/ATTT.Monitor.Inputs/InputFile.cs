namespace ATTT.Monitor.Inputs;

/// <summary>
/// A file to read: <paramref name="Relative"/> to the listed folder ('/' separated; the file name
/// when a file was listed on its own) and <paramref name="Path"/> to open.
/// </summary>
public readonly record struct InputFile(string Relative, string Path);
