using System.CommandLine;
using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Packs;

namespace ATTT.Monitor.Collector.Cli;

/// <summary>
/// <c>attt rules check</c>: load rules as serve and scan would, and report what did not load.
/// <c>attt rules update</c> / <c>rollback</c>: install a rule pack into the data folder offline, or put
/// the previous one back; a running collector takes the change without restarting.
/// </summary>
internal static class RulesCommands
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Rule files or folders." };
        var mapping = new Option<FileInfo?>("--mapping") { Description = "Logsource mapping file overriding the shipped one." };
        var check = new Command("check", "Load rules and list those that cannot be loaded.") { paths, mapping };
        check.SetAction(parse => Check(context, parse.GetValue(paths)!, parse.GetValue(mapping)));

        var from = new Option<string>("--from") { Description = "A SigmaHQ release zip (sigma_core.zip, sigma_core+.zip, sigma_all_rules.zip) or a folder of rules.", Required = true };
        var data = CommonOptions.Data(required: false);
        var profile = ProfileOption();
        var update = new Command("update", "Install a rule pack offline: validate every rule, then swap it in atomically, keeping the previous pack.") { from, data, profile };
        update.SetAction(parse => Update(context, parse.GetValue(from)!, parse.GetValue(data)!, parse.GetValue(profile)));

        var rollbackData = CommonOptions.Data(required: false);
        var rollbackProfile = ProfileOption();
        var rollback = new Command("rollback", "Put the previous rule pack back.") { rollbackData, rollbackProfile };
        rollback.SetAction(parse => Rollback(context, parse.GetValue(rollbackData)!, parse.GetValue(rollbackProfile)));
        return new Command("rules", "Sigma rule tools.") { check, update, rollback };
    }

    private static Option<string?> ProfileOption() => new("--profile")
    {
        Description = $"The profile the collector loads the pack with (Detection:Profile; {string.Join(", ", RuleProfile.Names)}), so its compiled-rule cache is ready; default {RuleProfile.DefaultName}.",
    };

    private static int Check(CliContext context, string[] paths, FileInfo? mapping)
    {
        var rules = Scan.RuleLoading.Load(paths, mapping);
        foreach (var d in rules.Diagnostics) context.Out.WriteLine(d.ToString());
        context.Out.WriteLine($"rules: {rules.LoadedCount} loaded, {rules.UnsupportedCount} unsupported, {rules.InvalidCount} invalid");
        return rules.InvalidCount > 0 ? ExitCodes.BadInput : ExitCodes.Success;
    }

    private static int Update(CliContext context, string from, DirectoryInfo data, string? profile)
    {
        var installer = new RulePackInstaller(new RulePackLayout(data.FullName), context.Time);
        RulePackInstaller.Result result;
        try
        {
            result = installer.Install(from, ProductMapping(), Profile(profile));
        }
        catch (RulePackException ex)
        {
            throw new BadInputException(ex.Message + " Nothing was changed.", ex);
        }

        foreach (var d in result.Diagnostics) context.Out.WriteLine(d);
        if (result.Manifest.SkippedFiles > 0)
            context.Out.WriteLine($"{result.Manifest.SkippedFiles} files that are not rules skipped");
        context.Out.WriteLine(result.Manifest.SummaryLine);
        return ExitCodes.Success;
    }

    private static int Rollback(CliContext context, DirectoryInfo data, string? profile)
    {
        var installer = new RulePackInstaller(new RulePackLayout(data.FullName), context.Time);
        try
        {
            context.Out.WriteLine(installer.Rollback(ProductMapping(), Profile(profile)).SummaryLine);
        }
        catch (RulePackException ex)
        {
            throw new BadInputException(ex.Message + " Nothing was changed.", ex);
        }

        return ExitCodes.Success;
    }

    private static RuleProfile Profile(string? name)
    {
        try
        {
            return RuleProfile.Parse(name);
        }
        catch (ArgumentException ex)
        {
            throw new BadInputException($"--profile: {ex.Message}", ex);
        }
    }

    /// <summary>The mapping the collector uses without configuration: the product's rules folder's, else the built-in one.</summary>
    private static string? ProductMapping() =>
        RulePathResolver.Resolve([], AppContext.BaseDirectory, Directory.GetCurrentDirectory())
            .Select(p => Path.Combine(p, RuleCatalog.MappingFileName)).FirstOrDefault(File.Exists);
}
