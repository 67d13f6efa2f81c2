using ATTT.Monitor.Sigma;
using ATTT.Monitor.Sigma.Routing;

namespace ATTT.Monitor.Collector.Cli.Scan;

/// <summary>Loads rules for the command line, turning a missing path or bad mapping into bad input.</summary>
internal static class RuleLoading
{
    public static SigmaRuleSet Load(IEnumerable<string> paths, FileInfo? mapping)
    {
        if (mapping is not null && !mapping.Exists)
            throw new BadInputException($"Mapping file '{mapping.FullName}' does not exist.");
        try
        {
            return SigmaRuleSet.Load(paths, new SigmaLoadOptions { MappingPath = mapping?.FullName });
        }
        catch (FileNotFoundException ex)
        {
            throw new BadInputException(ex.Message, ex);
        }
        catch (SigmaMappingException ex)
        {
            throw new BadInputException($"Mapping file is invalid: {ex.Message}", ex);
        }
    }
}
