using YamlDotNet.RepresentationModel;

namespace ATTT.Monitor.Sigma.Parsing;

/// <summary>One YAML document of a rule file, after rule-collection actions were applied.</summary>
internal sealed record RuleDocument(string Path, int Document, YamlMappingNode Root);
