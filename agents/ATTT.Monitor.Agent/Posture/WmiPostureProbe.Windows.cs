using System.Management;
using System.Runtime.Versioning;
using ATTT.Monitor.Events.Wire;

namespace ATTT.Monitor.Agent.Posture;

/// <summary>
/// Reads Windows Security Center (<c>root/SecurityCenter2</c>, <c>AntiVirusProduct</c>) and Defender
/// (<c>root/Microsoft/Windows/Defender</c>, <c>MSFT_MpComputerStatus</c>) through WMI. Decoding is in
/// <see cref="ProductState"/> and <see cref="DefenderStatusDecoder"/>, tested on any OS.
/// Security Center exists on client Windows only; on a server its absence means "no products".
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class WmiPostureProbe : IPostureProbe
{
    private static readonly string[] DefenderProperties =
    [
        "AMServiceEnabled", "RealTimeProtectionEnabled", "AntivirusEnabled", "AntivirusSignatureVersion",
        "AntivirusSignatureLastUpdated", "AntivirusSignatureAge", "QuickScanEndTime", "FullScanEndTime", "IsTamperProtected",
    ];

    public Task<PostureReport> ProbeAsync(CancellationToken cancellationToken) =>
        // WMI calls block; keep them off the caller's thread.
        Task.Run(() => new PostureReport("", DateTimeOffset.UtcNow, ReadSecurityCenter(), ReadDefender()), cancellationToken);

    private static List<AntivirusProduct> ReadSecurityCenter()
    {
        var products = new List<AntivirusProduct>();
        try
        {
            using var searcher = new ManagementObjectSearcher(@"root\SecurityCenter2", "SELECT displayName, productState, pathToSignedProductExe FROM AntiVirusProduct");
            foreach (var item in searcher.Get())
            {
                using (item)
                {
                    var name = WmiValues.ToText(item["displayName"]) ?? "(unknown)";
                    var state = WmiValues.ToUInt32(item["productState"]) ?? 0;
                    products.Add(ProductState.Decode(name, state, WmiValues.ToText(item["pathToSignedProductExe"])));
                }
            }
        }
        catch (ManagementException ex) when (ex.ErrorCode is ManagementStatus.InvalidNamespace or ManagementStatus.InvalidClass)
        {
            // Windows Server has no Security Center.
        }

        return products;
    }

    private static DefenderStatus? ReadDefender()
    {
        try
        {
            using var searcher = new ManagementObjectSearcher(@"root\Microsoft\Windows\Defender",
                "SELECT " + string.Join(", ", DefenderProperties) + " FROM MSFT_MpComputerStatus");
            foreach (var item in searcher.Get())
            {
                using (item)
                {
                    var values = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var property in item.Properties)
                        values[property.Name] = property.Value;
                    return DefenderStatusDecoder.Decode(values, DateTimeOffset.UtcNow);
                }
            }
        }
        catch (ManagementException ex) when (ex.ErrorCode is ManagementStatus.InvalidNamespace or ManagementStatus.InvalidClass or ManagementStatus.NotFound)
        {
            // Defender removed or replaced by a third-party product.
        }

        return null;
    }
}
