using System.Management;
using System.Runtime.Versioning;

namespace ATTT.Monitor.Agent.Posture;

/// <summary>One WMI query, each instance as property name to raw value (what the OS-neutral decoders take).</summary>
[SupportedOSPlatform("windows")]
internal static class WmiQuery
{
    public static List<IReadOnlyDictionary<string, object?>> Run(string scope, string query)
    {
        using var searcher = new ManagementObjectSearcher(scope, query);
        var list = new List<IReadOnlyDictionary<string, object?>>();
        foreach (var item in searcher.Get())
        {
            using (item)
            {
                var values = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in item.Properties)
                    values[property.Name] = property.Value;
                list.Add(values);
            }
        }

        return list;
    }
}
