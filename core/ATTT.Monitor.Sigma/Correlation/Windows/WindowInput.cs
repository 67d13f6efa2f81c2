using ATTT.Monitor.Events;

namespace ATTT.Monitor.Sigma.Correlation.Windows;

/// <summary>One detection as a window sees it: its time, rule, event, and the value read for the correlation (text and number).</summary>
internal readonly record struct WindowInput(DateTimeOffset Time, SigmaRuleInfo Rule, IFieldLookup Event, string? Text, double Number);
