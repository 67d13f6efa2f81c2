using System.Runtime.Versioning;
using System.Security;
using Microsoft.Win32;

namespace ATTT.Monitor.Agent.Posture.Certificates;

/// <summary>
/// The users' personal certificate stores (<c>CurrentUser\My</c>) as the service, running as
/// LocalSystem, can read them: its own CurrentUser is SYSTEM's, so it opens each profile's store where
/// Windows keeps it instead. For every user profile of
/// <c>HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList</c> (SIDs S-1-5-21-…) it reads
/// the store files in <c>&lt;profile&gt;\AppData\Roaming\Microsoft\SystemCertificates\My\Certificates</c>
/// and, for a user who is logged on (hive loaded), the <c>Blob</c> values under
/// <c>HKEY_USERS\&lt;SID&gt;\Software\Microsoft\SystemCertificates\My\Certificates</c>. It reads the
/// serialized public certificates only (<see cref="SerializedCertificate"/>); private keys stay where
/// they are (DPAPI-protected files, or the USB token) and are never opened. No hive is loaded for a
/// user who is not logged on. Not run on Windows yet.
/// </summary>
[SupportedOSPlatform("windows")]
internal static class UserCertificateStores
{
    private const string StorePath = @"Software\Microsoft\SystemCertificates\My\Certificates";

    public static List<(string Profile, string Source, byte[] Blob)> Read(List<string> problems)
    {
        var blobs = new List<(string, string, byte[])>();
        using var profiles = Registry.LocalMachine.OpenSubKey(@"SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList");
        foreach (var sid in profiles?.GetSubKeyNames() ?? [])
        {
            if (!sid.StartsWith("S-1-5-21-", StringComparison.Ordinal))
                continue; // system and service accounts
            using var profile = profiles!.OpenSubKey(sid);
            var folder = profile?.GetValue("ProfileImagePath") as string;
            var name = folder is null ? sid : Path.GetFileName(folder);
            if (folder is not null)
                ReadFiles(name, Path.Combine(Environment.ExpandEnvironmentVariables(folder), "AppData", "Roaming", "Microsoft", "SystemCertificates", "My", "Certificates"), blobs, problems);
            ReadHive(name, sid, blobs, problems);
        }

        return blobs;
    }

    private static void ReadFiles(string profile, string folder, List<(string, string, byte[])> blobs, List<string> problems)
    {
        try
        {
            if (!Directory.Exists(folder))
                return;
            foreach (var file in Directory.EnumerateFiles(folder).Take(500))
                blobs.Add((profile, file, File.ReadAllBytes(file)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{folder}: {ex.Message}");
        }
    }

    private static void ReadHive(string profile, string sid, List<(string, string, byte[])> blobs, List<string> problems)
    {
        try
        {
            using var store = Registry.Users.OpenSubKey(sid + "\\" + StorePath);
            foreach (var thumbprint in store?.GetSubKeyNames().Take(500) ?? [])
            {
                using var entry = store!.OpenSubKey(thumbprint);
                if (entry?.GetValue("Blob") is byte[] blob)
                    blobs.Add((profile, $@"HKEY_USERS\{sid}\{StorePath}\{thumbprint}", blob));
            }
        }
        catch (Exception ex) when (ex is SecurityException or UnauthorizedAccessException or IOException)
        {
            problems.Add($@"HKEY_USERS\{sid}: {ex.Message}");
        }
    }
}
