using System.Xml;

namespace ATTT.Monitor.Evtx.Rendering;

/// <summary>
/// Makes element and attribute names safe to write as XML. Names come from the file (templates of
/// deleted, partly overwritten records hold garbage), so a name may hold any character, even a line
/// break or '&lt;'. Every character that may not stand where it stands in an XML name (a
/// <see cref="XmlConvert.IsStartNCNameChar"/> / <see cref="XmlConvert.IsNCNameChar"/> character) becomes
/// one '_', and an empty name becomes "_", so the output is always well-formed XML. One '_' per
/// character keeps names short and readable; XmlConvert.EncodeName's _xHHHH_ form would be reversible
/// but would read as a genuine name to anyone who does not know it. ':' is replaced too: a name with a
/// prefix that no xmlns declares would make namespace-aware readers reject the whole record; the one
/// exception is an attribute that declares a prefix (<c>xmlns:auto-ns2</c>, which Windows writes in
/// UserData), kept as it is unless the prefix is reserved (starts with "xml"). A
/// supplementary-plane character (a surrogate pair) counts as one character. Genuine Windows names
/// are plain ASCII, so they pass through unchanged (and unallocated).
/// </summary>
internal static class XmlNames
{
    public static string Safe(string name)
    {
        if (name.Length == 0)
            return "_";
        if (!XmlConvert.IsStartNCNameChar(name[0]))
            return Replace(name);
        for (var i = 1; i < name.Length; i++)
        {
            if (!XmlConvert.IsNCNameChar(name[i]))
                return Replace(name);
        }

        return name;
    }

    /// <summary>As <see cref="Safe"/>, but a namespace declaration <c>xmlns:PREFIX</c> keeps its colon.</summary>
    public static string SafeAttribute(string name)
    {
        const string Declaration = "xmlns:";
        if (name.StartsWith(Declaration, StringComparison.Ordinal))
        {
            var prefix = name[Declaration.Length..];
            if (!prefix.StartsWith("xml", StringComparison.OrdinalIgnoreCase) && ReferenceEquals(Safe(prefix), prefix))
                return name;
        }

        return Safe(name);
    }

    private static string Replace(string name)
    {
        var result = new char[name.Length];
        var length = 0;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var valid = length == 0 ? XmlConvert.IsStartNCNameChar(c) : XmlConvert.IsNCNameChar(c);
            result[length++] = valid ? c : '_';
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
                i++;
        }

        return new string(result, 0, length);
    }
}
