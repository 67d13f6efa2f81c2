namespace ATTT.Monitor.Sigma.Matching;

/// <summary>One value that expanded to several (windash, base64offset, expand): any may match.</summary>
internal sealed class AnyMatcher(IReadOnlyList<StringMatcher> values) : StringMatcher
{
    // An array walked by index: foreach over an IReadOnlyList allocates an enumerator per call.
    private readonly StringMatcher[] _variants = [.. values];

    public IReadOnlyList<StringMatcher> Variants => _variants;

    public override bool IsMatch(string value)
    {
        var variants = _variants;
        for (var i = 0; i < variants.Length; i++)
        {
            if (variants[i].IsMatch(value)) return true;
        }

        return false;
    }

    public override IReadOnlyList<string>? RequiredLiterals
    {
        get
        {
            var all = new List<string>();
            foreach (var m in _variants)
            {
                if (m.RequiredLiterals is not { } l) return null;
                all.AddRange(l);
            }

            return all;
        }
    }
}
