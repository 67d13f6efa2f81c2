using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;

namespace ATTT.Monitor.Agent.Transport;

/// <summary>The small inventory sent with heartbeats: host name, OS, IP addresses, agent version.</summary>
public sealed record HostInventory(string Host, string OperatingSystem, IReadOnlyList<string> IpAddresses, string AgentVersion)
{
    public static string CurrentAgentVersion =>
        typeof(HostInventory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public Events.Wire.Agents.HeartbeatInventory ToWire() => new(Host, OperatingSystem, IpAddresses, AgentVersion);

    public static HostInventory Collect() =>
        new(Environment.MachineName, RuntimeInformation.OSDescription, LocalAddresses(), CurrentAgentVersion);

    private static List<string> LocalAddresses()
    {
        var list = new List<string>();
        try
        {
            foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
            {
                if (nic.OperationalStatus != OperationalStatus.Up || nic.NetworkInterfaceType == NetworkInterfaceType.Loopback)
                    continue;
                foreach (var address in nic.GetIPProperties().UnicastAddresses)
                {
                    var ip = address.Address;
                    if (ip.AddressFamily == AddressFamily.InterNetwork || (ip.AddressFamily == AddressFamily.InterNetworkV6 && !ip.IsIPv6LinkLocal))
                        list.Add(ip.ToString());
                }
            }
        }
        catch (NetworkInformationException)
        {
            // The inventory is informative; a host that hides its interfaces still sends heartbeats.
        }

        return list;
    }
}
