using System.Management;
using System.Runtime.Versioning;
using ATTT.Monitor.Agent.Posture.Certificates;
using ATTT.Monitor.Agent.Posture.Inventory;
using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;
using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Agent.Posture;

/// <summary>
/// Reads the posture through WMI: Windows Security Center (<c>root/SecurityCenter2</c>,
/// <c>AntiVirusProduct</c>), Defender (<c>root/Microsoft/Windows/Defender</c>, <c>MSFT_MpComputerStatus</c>,
/// exclusions from <c>MSFT_MpPreference</c>), the PC inventory (<see cref="WmiInventoryReader"/>) and the
/// users' signature certificates (<see cref="UserCertificateStores"/>). Decoding is OS-neutral and tested
/// on Linux. The inventory changes rarely and its queries are slow (Win32_QuickFixEngineering takes
/// seconds), so it is read once an hour; certificates every 10 minutes (a USB token plugged in shows up then).
/// Security Center exists on client Windows only; on a server its absence means "no products".
/// Not run on Windows yet (docs/agent.md, "Not run on Windows").
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class WmiPostureProbe(ILogger logger) : IPostureProbe
{
    private static readonly TimeSpan InventoryAge = TimeSpan.FromHours(1), CertificatesAge = TimeSpan.FromMinutes(10);
    private static readonly string[] DefenderProperties =
    [
        "AMServiceEnabled", "RealTimeProtectionEnabled", "AntivirusEnabled", "AntivirusSignatureVersion",
        "AntivirusSignatureLastUpdated", "AntivirusSignatureAge", "QuickScanEndTime", "FullScanEndTime", "IsTamperProtected",
        "QuickScanAge", "FullScanAge",
    ];

    private readonly IssuerCatalog _issuers = IssuerCatalog.Default();
    private (DateTimeOffset At, PcInventory? Value) _inventory = (DateTimeOffset.MinValue, null);
    private (DateTimeOffset At, List<SignatureCertificate>? Value) _certificates = (DateTimeOffset.MinValue, null);

    public Task<PostureReport> ProbeAsync(CancellationToken cancellationToken) =>
        // WMI calls block; keep them off the caller's thread.
        Task.Run(() =>
        {
            var now = DateTimeOffset.UtcNow;
            if (now - _inventory.At > InventoryAge)
                _inventory = (now, Try("inventory", () => InventoryDecoder.Decode(WmiInventoryReader.Read())));
            if (now - _certificates.At > CertificatesAge)
                _certificates = (now, Try("certificates", ReadCertificates));
            return new PostureReport("", now, ReadSecurityCenter(), ReadDefender(now), _inventory.Value, _certificates.Value);
        }, cancellationToken);

    private List<SignatureCertificate> ReadCertificates()
    {
        var problems = new List<string>();
        var found = SignatureCertificates.FromStores(UserCertificateStores.Read(problems), _issuers, problems);
        foreach (var problem in problems.Take(5))
            logger.LogWarning("A user certificate could not be read: {Problem}", problem);
        return found;
    }

    private T? Try<T>(string part, Func<T> read) where T : class
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is ManagementException or UnauthorizedAccessException or IOException or System.Runtime.InteropServices.COMException)
        {
            logger.LogWarning("Reading the {Part} for posture failed: {Reason}", part, ex.Message);
            return null;
        }
    }

    private static List<AntivirusProduct> ReadSecurityCenter()
    {
        var products = new List<AntivirusProduct>();
        try
        {
            foreach (var item in WmiQuery.Run(@"root\SecurityCenter2", "SELECT displayName, productState, pathToSignedProductExe FROM AntiVirusProduct"))
            {
                var name = WmiValues.ToText(Get(item, "displayName")) ?? "(unknown)";
                var state = WmiValues.ToUInt32(Get(item, "productState")) ?? 0;
                products.Add(ProductState.Decode(name, state, WmiValues.ToText(Get(item, "pathToSignedProductExe"))));
            }
        }
        catch (ManagementException ex) when (ex.ErrorCode is ManagementStatus.InvalidNamespace or ManagementStatus.InvalidClass)
        {
            // Windows Server has no Security Center.
        }

        return products;
    }

    private static DefenderStatus? ReadDefender(DateTimeOffset now)
    {
        try
        {
            var status = WmiQuery.Run(@"root\Microsoft\Windows\Defender", "SELECT " + string.Join(", ", DefenderProperties) + " FROM MSFT_MpComputerStatus").FirstOrDefault();
            if (status is null)
                return null;
            IReadOnlyDictionary<string, object?>? preference = null;
            try
            {
                preference = WmiQuery.Run(@"root\Microsoft\Windows\Defender", "SELECT ExclusionPath, ExclusionExtension, ExclusionProcess FROM MSFT_MpPreference").FirstOrDefault();
            }
            catch (ManagementException ex) when (ex.ErrorCode is ManagementStatus.AccessDenied)
            {
                // Exclusions are shown to administrators only: left out (null), not reported as none.
            }

            return DefenderStatusDecoder.Decode(status, now, preference);
        }
        catch (ManagementException ex) when (ex.ErrorCode is ManagementStatus.InvalidNamespace or ManagementStatus.InvalidClass or ManagementStatus.NotFound)
        {
            // Defender removed or replaced by a third-party product.
        }

        return null;
    }

    private static object? Get(IReadOnlyDictionary<string, object?> p, string name) => p.TryGetValue(name, out var v) ? v : null;
}
