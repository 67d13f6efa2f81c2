namespace ATTT.Monitor.EndToEnd.Tests.Support;

/// <summary>Reads a process's memory from <c>/proc/PID/status</c> (Linux).</summary>
public static class ProcStatus
{
    public static long? ResidentKilobytes(int pid)
    {
        var path = $"/proc/{pid}/status";
        if (!File.Exists(path))
            return null;
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        catch (IOException)
        {
            // The process ended between the check and the read.
        }

        return null;
    }
}
