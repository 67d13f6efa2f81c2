namespace ATTT.Monitor.Sigma.Matching;

/// <summary>One value that expanded to several (windash, base64offset, expand): any may match.</summary>
internal sealed class AnyMatcher(IReadOnlyList<StringMatcher> variants) : StringMatcher
{
    public override bool IsMatch(string value)
    {
        foreach (var m in variants)
        {
            if (m.IsMatch(value)) return true;
        }

        return false;
    }

    public override IReadOnlyList<string>? RequiredLiterals
    {
        get
        {
            var all = new List<string>();
            foreach (var m in variants)
            {
                if (m.RequiredLiterals is not { } l) return null;
                all.AddRange(l);
            }

            return all;
        }
    }
}
