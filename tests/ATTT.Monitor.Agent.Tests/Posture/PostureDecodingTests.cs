using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;
using ATTT.Monitor.Agent.Posture;

namespace ATTT.Monitor.Agent.Tests.Posture;

/// <summary>Recorded productState and MSFT_MpComputerStatus values from Windows 10/11 PCs.</summary>
public sealed class PostureDecodingTests
{
    [Theory]
    [InlineData(397568u, true, true)]    // 0x061100 Windows Defender, on, up to date
    [InlineData(397584u, true, false)]   // 0x061110 Windows Defender, on, out of date
    [InlineData(393472u, false, true)]   // 0x060100 Windows Defender, off (third-party AV took over)
    [InlineData(266240u, true, true)]    // 0x041000 a third-party product, on, up to date
    [InlineData(262144u, false, true)]   // 0x040000 off
    public void Product_state_bits_are_decoded(uint state, bool enabled, bool upToDate)
    {
        var product = ProductState.Decode("Windows Defender", state, "windowsdefender://");

        Assert.Equal(enabled, product.Enabled);
        Assert.Equal(enabled, product.Realtime);
        Assert.Equal(upToDate, product.DefinitionsUpToDate);
        Assert.Equal(state, product.ProductState);
    }

    [Theory]
    [InlineData(0x062100u, ProductState.ScannerState.Snoozed)]
    [InlineData(0x063100u, ProductState.ScannerState.Expired)]
    [InlineData(0x061100u, ProductState.ScannerState.On)]
    [InlineData(0x060100u, ProductState.ScannerState.Off)]
    public void Snoozed_and_expired_are_not_enabled(uint state, ProductState.ScannerState expected)
    {
        Assert.Equal(expected, ProductState.Scanner(state));
        Assert.Equal(expected == ProductState.ScannerState.On, ProductState.Enabled(state));
    }

    [Theory]
    [InlineData("20261127031500.000000+000", "2026-11-27T03:15:00Z")]
    [InlineData("20261127101500.123456+420", "2026-11-27T03:15:00.123456Z")]
    [InlineData("20261126231500.000000-240", "2026-11-27T03:15:00Z")]
    public void Cim_datetimes_become_utc(string cim, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), WmiValues.ToTime(cim));

    [Theory]
    [InlineData("")]
    [InlineData("16010101000000.000000+000")]
    [InlineData("00000000000000.000000+000")]
    [InlineData("garbage")]
    public void Empty_or_zero_cim_datetimes_are_null(string cim) => Assert.Null(WmiValues.ToTime(cim));

    [Fact]
    public void Wmi_numbers_of_any_width_and_unknown_markers_convert()
    {
        Assert.Equal(397568u, WmiValues.ToUInt32(397568));
        Assert.Equal(397568u, WmiValues.ToUInt32("397568"));
        Assert.Equal(3, WmiValues.ToInt32((ushort)3));
        Assert.Null(WmiValues.ToInt32(uint.MaxValue));
        Assert.Null(WmiValues.ToInt32(65535));
        Assert.True(WmiValues.ToBool((byte)1));
        Assert.False(WmiValues.ToBool(false));
        Assert.Null(WmiValues.ToBool(null));
    }

    [Fact]
    public void A_recorded_defender_status_is_decoded()
    {
        var recorded = new Dictionary<string, object?>
        {
            ["AMServiceEnabled"] = true,
            ["RealTimeProtectionEnabled"] = false,
            ["AntivirusEnabled"] = true,
            ["AntivirusSignatureVersion"] = "1.421.123.0",
            ["AntivirusSignatureLastUpdated"] = "20261120080000.000000+420",
            ["AntivirusSignatureAge"] = 7u,
            ["QuickScanEndTime"] = "20261126120000.000000+420",
            ["FullScanEndTime"] = null,
            ["IsTamperProtected"] = true,
        };

        var status = DefenderStatusDecoder.Decode(recorded, new DateTimeOffset(2026, 11, 27, 3, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DefenderStatus(true, false, true, "1.421.123.0",
            new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero), 7,
            new DateTimeOffset(2026, 11, 26, 5, 0, 0, TimeSpan.Zero), null, true), status);
    }

    [Fact]
    public void Signature_age_is_computed_when_wmi_does_not_give_it()
    {
        var status = DefenderStatusDecoder.Decode(new Dictionary<string, object?>
        {
            ["AntivirusSignatureLastUpdated"] = "20261120030000.000000+000",
            ["AntivirusSignatureAge"] = uint.MaxValue,
        }, new DateTimeOffset(2026, 11, 27, 4, 0, 0, TimeSpan.Zero));

        Assert.Equal(7, status.SignatureAgeDays);
        Assert.Null(status.ServiceRunning);
    }

    [Fact]
    public void A_change_in_realtime_protection_is_a_change_but_the_same_report_is_not()
    {
        var on = new PostureReport("", default, [ProductState.Decode("Windows Defender", 0x061100, null)], null);
        var off = new PostureReport("", default, [ProductState.Decode("Windows Defender", 0x060100, null)], null);

        Assert.True(off.DiffersFrom(on));
        Assert.False(new PostureReport("", default, [ProductState.Decode("Windows Defender", 0x061100, null)], null).DiffersFrom(on));
        Assert.True(on.DiffersFrom(null));
    }
}
