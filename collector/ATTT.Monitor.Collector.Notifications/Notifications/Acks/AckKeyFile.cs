using System.Security.Cryptography;

namespace ATTT.Monitor.Collector.Notifications.Acks;

/// <summary>The HMAC key file (32 random bytes) in the data folder, created once with owner-only permissions.</summary>
internal sealed class AckKeyFile(string path)
{
    public string Path { get; } = path;

    public byte[] LoadOrCreate()
    {
        if (File.Exists(Path))
        {
            var existing = File.ReadAllBytes(Path);
            if (existing.Length < 32)
                throw new InvalidDataException($"The acknowledgement key file {Path} is shorter than 32 bytes; delete it to generate a new one (old links stop working).");
            return existing;
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        var key = RandomNumberGenerator.GetBytes(32);
        var streamOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            streamOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var stream = new FileStream(Path, streamOptions);
            stream.Write(key);
            stream.Flush(flushToDisk: true);
            return key;
        }
        catch (IOException) when (File.Exists(Path))
        {
            // Another process created it first: use theirs so both sign alike.
            return File.ReadAllBytes(Path);
        }
    }
}
