using ATTT.Monitor.Collector.Posture;
using ATTT.Monitor.Events.Wire.Agents;

namespace ATTT.Monitor.Collector.Tests.Posture;

public sealed class PostureEvaluatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);
    private static readonly PostureOptions Options = new();

    internal static DefenderStatus Defender(bool enabled = true, bool realtime = true, double ageDays = 0.5) => new(
        true, realtime, enabled, "1.421.123.0", Now.AddDays(-ageDays), (int)ageDays, Now.AddHours(-3), null, true);

    internal static PostureReport Report(IReadOnlyList<AntivirusProduct>? products = null, DefenderStatus? defender = null) =>
        new("a_01", Now, products ?? [new AntivirusProduct("Windows Defender", 397568, true, true, true, "windowsdefender://")], defender);

    [Fact]
    public void A_healthy_defender_holds_no_condition()
    {
        var a = PostureEvaluator.Evaluate(Report(defender: Defender()), Options);
        Assert.Empty(a.Holding);
        Assert.True(a.Enabled);
        Assert.True(a.Realtime);
        Assert.Equal(0.5, a.SignatureAgeDays!.Value, 3);
        Assert.Equal(Now.AddHours(-3), a.LastScanAt);
    }

    [Fact]
    public void No_registered_product_and_no_defender_is_no_antivirus()
    {
        var a = PostureEvaluator.Evaluate(Report(products: []), Options);
        Assert.Equal([PostureCondition.NoAntivirus.Key], a.Holding.Keys);
    }

    [Fact]
    public void Real_time_protection_off_or_product_disabled_is_protection_off()
    {
        Assert.True(PostureEvaluator.Evaluate(Report(defender: Defender(realtime: false)), Options) is var a
            && a.Holds(PostureCondition.ProtectionOff) && a.Holding.Count == 1);
        var disabled = PostureEvaluator.Evaluate(
            Report(products: [new AntivirusProduct("Windows Defender", 393472, false, false, true, null)], defender: Defender(enabled: false)), Options);
        Assert.True(disabled.Holds(PostureCondition.ProtectionOff));
        Assert.False(disabled.Enabled);
    }

    [Fact]
    public void Signatures_older_than_the_threshold_are_outdated()
    {
        Assert.False(PostureEvaluator.Evaluate(Report(defender: Defender(ageDays: 2.9)), Options).Holds(PostureCondition.SignaturesOutdated));
        var old = PostureEvaluator.Evaluate(Report(defender: Defender(ageDays: 3.5)), Options);
        Assert.True(old.Holds(PostureCondition.SignaturesOutdated));
        Assert.Contains("3.5", old.Holding[PostureCondition.SignaturesOutdated.Key], StringComparison.Ordinal);
        Assert.True(PostureEvaluator.Evaluate(Report(defender: Defender(ageDays: 1.5)), new PostureOptions { SignatureMaxAge = TimeSpan.FromDays(1) })
            .Holds(PostureCondition.SignaturesOutdated));
    }

    [Fact]
    public void A_third_party_product_counts_and_passive_defender_signatures_do_not()
    {
        var kaspersky = new AntivirusProduct("Kaspersky Endpoint Security", 266240, true, true, true, null);
        var a = PostureEvaluator.Evaluate(Report(products: [kaspersky], defender: Defender(enabled: false, ageDays: 40)), Options);
        Assert.Empty(a.Holding);
        var stale = PostureEvaluator.Evaluate(Report(products: [kaspersky with { DefinitionsUpToDate = false }]), Options);
        Assert.True(stale.Holds(PostureCondition.SignaturesOutdated));
    }
}
