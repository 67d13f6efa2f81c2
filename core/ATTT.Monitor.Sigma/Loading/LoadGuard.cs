using ATTT.Monitor.Sigma.Parsing;

namespace ATTT.Monitor.Sigma.Loading;

/// <summary>Runs one rule's load step; a failure becomes a named diagnostic, so one bad rule never stops the others.</summary>
internal static class LoadGuard
{
    public static T? Run<T>(List<SigmaDiagnostic> diagnostics, string path, int document, string? id, Func<T> action) where T : class
    {
        try
        {
            return action();
        }
        catch (SigmaRuleException ex)
        {
            diagnostics.Add(new SigmaDiagnostic(path, document, ex.Kind, ex.Message, id));
        }
        catch (IOException ex)
        {
            diagnostics.Add(new SigmaDiagnostic(path, document, SigmaDiagnosticKind.Invalid, $"cannot be read ({ex.Message})", id));
        }
        catch (UnauthorizedAccessException ex)
        {
            diagnostics.Add(new SigmaDiagnostic(path, document, SigmaDiagnosticKind.Invalid, $"cannot be read ({ex.Message})", id));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Even an engine bug must not stop the other rules; name it plainly.
            diagnostics.Add(new SigmaDiagnostic(path, document, SigmaDiagnosticKind.Invalid, $"internal error while loading ({ex.GetType().Name}: {ex.Message})", id));
        }

        return null;
    }
}
