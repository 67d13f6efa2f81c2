namespace ATTT.Monitor.Sigma.Matching;

/// <summary>A compiled test of one field value against one Sigma value.</summary>
internal abstract class StringMatcher
{
    public abstract bool IsMatch(string value);

    /// <summary>Upper-cased literals one of which occurs in every matching value; null if unknown.</summary>
    public virtual IReadOnlyList<string>? RequiredLiterals => null;
}
