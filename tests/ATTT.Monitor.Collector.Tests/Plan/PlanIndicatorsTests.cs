using ATTT.Monitor.Collector.Plan;
using ATTT.Monitor.Collector.Tests.Support;
using ATTT.Monitor.Events.Wire.Agents;

namespace ATTT.Monitor.Collector.Tests.Plan;

public sealed class PlanIndicatorsTests
{
    private static readonly DateTimeOffset Now = TestEvents.BaseTime;
    private static readonly MinimumConfigurationOptions Defaults = new();

    private static PostureReport Report(long? ram = 8L << 30, int? build = 19045, params SignatureCertificate[] certificates)
    {
        var sample = AgentBodies.Posture("a_1", Now);
        return sample with { Inventory = sample.Inventory! with { RamBytes = ram, OsBuild = build }, Certificates = certificates };
    }

    private static SignatureCertificate Certificate(string? ca = "VNPT-CA", int daysLeft = 200, params string[] usage) =>
        new("CN=Nguyễn Văn A", "CN=VNPT Certification Authority", "01", "AB", Now.AddYears(-1), Now.AddDays(daysLeft),
            usage.Length == 0 ? ["digitalSignature", "nonRepudiation"] : usage, [], ca, "nguyenvana");

    private static PcPlanCheck Check(PostureReport? report, MinimumConfigurationOptions? options = null) =>
        PlanIndicators.Check("a_1", "xa", "PC-1", report, options ?? Defaults, Now);

    [Fact]
    public void Four_gb_as_windows_reports_it_and_windows_10_22h2_meet_the_default_minimum()
    {
        Assert.True(Check(Report(ram: 4L * 1024 * 1024 * 1024 - 200L * 1024 * 1024)).MeetsMinimum);
        Assert.True(Check(Report(build: 22631)).MeetsMinimum);
    }

    [Fact]
    public void Too_little_ram_an_old_windows_or_an_unreported_value_fall_short_and_say_why()
    {
        var old = Check(Report(ram: 2L << 30, build: 17763));
        Assert.False(old.MeetsMinimum);
        Assert.Equal([PlanShortfall.Ram, PlanShortfall.Windows], old.Shortfalls);
        Assert.False(Check(Report(ram: null)).MeetsMinimum);
        var none = Check(null);
        Assert.Null(none.MeetsMinimum);
        Assert.Equal([PlanShortfall.Unknown], none.Shortfalls);
    }

    [Fact]
    public void The_minimum_is_configurable()
    {
        var strict = new MinimumConfigurationOptions { MinRamGigabytes = 16, MinWindowsBuild = 22631, MinFreeDiskGigabytes = 100 };
        Assert.Equal([PlanShortfall.Ram, PlanShortfall.Windows, PlanShortfall.Disk], Check(Report(), strict).Shortfalls);
    }

    [Fact]
    public void Only_a_signing_certificate_of_a_recognised_ca_within_its_validity_counts_and_one_due_within_30_days_is_listed()
    {
        Assert.True(Check(Report(certificates: Certificate())).HasValidSignature);
        Assert.False(Check(Report(certificates: Certificate(ca: null))).HasValidSignature);
        Assert.False(Check(Report(certificates: Certificate(daysLeft: -1))).HasValidSignature);
        Assert.False(Check(Report(certificates: Certificate(usage: "keyEncipherment"))).HasValidSignature);
        var soon = Check(Report(certificates: [Certificate(daysLeft: 20), Certificate(daysLeft: 31)]));
        Assert.Equal(20, (Assert.Single(soon.Expiring).NotAfter - Now).TotalDays);
    }

    [Fact]
    public void Per_unit_shares_count_unreported_pcs_as_not_meeting()
    {
        var checks = new[]
        {
            PlanIndicators.Check("a", "xa", "PC-A", Report(certificates: Certificate()), Defaults, Now),
            PlanIndicators.Check("b", "xa", "PC-B", Report(build: 17763), Defaults, Now),
            PlanIndicators.Check("c", "xa", "PC-C", null, Defaults, Now),
            PlanIndicators.Check("d", "phuong", "PC-D", Report(), Defaults, Now),
        };
        var units = PlanIndicators.PerUnit(checks);
        Assert.Equal(["phuong", "xa"], units.Select(u => u.Unit));
        var xa = units[1];
        Assert.Equal((3, 1, 1, 1), (xa.Pcs, xa.MeetingMinimum, xa.Unreported, xa.WithValidSignature));
        Assert.Equal(1 / 3d, xa.MinimumShare);
        Assert.Equal(1d, units[0].MinimumShare);
    }
}
