using System.Text.RegularExpressions;
using ATTT.Monitor.Sigma.Matching;
using ATTT.Monitor.Sigma.Parsing;

namespace ATTT.Monitor.Sigma.Caching;

/// <summary>
/// Compiled match trees in the cache: one tag byte per node or matcher, then its fields. Read back,
/// a tree is the same objects the compiler built (regexes built on first use: they were validated
/// when the rule was compiled).
/// </summary>
internal static class NodeCodec
{
    private enum Node : byte { And = 1, Or, Not, Constant, Field, Keyword, Exists, FieldRef, TimePart }

    private enum Matcher : byte { Text = 1, Glob, Regex, Cidr, Numeric, Any }

    private const int MaxDepth = 256;

    public static void Write(CacheWriter w, MatchNode node)
    {
        switch (node)
        {
            case AndNode a: w.Byte((byte)Node.And); Children(w, a.Children); break;
            case OrNode o: w.Byte((byte)Node.Or); Children(w, o.Children); break;
            case NotNode n: w.Byte((byte)Node.Not); Write(w, n.Inner); break;
            case ConstantNode c: w.Byte((byte)Node.Constant); w.Bool(c.Value); break;
            case FieldNode f:
                w.Byte((byte)Node.Field);
                w.Count(f.FieldId);
                w.String(f.FieldName);
                Matchers(w, f.Matchers);
                w.Bool(f.All);
                w.Bool(f.MatchNull);
                break;
            case KeywordNode k: w.Byte((byte)Node.Keyword); Matchers(w, k.Matchers); w.Bool(k.All); break;
            case ExistsNode e: w.Byte((byte)Node.Exists); w.Count(e.FieldId); w.Bool(e.ShouldExist); break;
            case FieldRefNode r:
                w.Byte((byte)Node.FieldRef);
                w.Count(r.FieldId);
                w.Count(r.Others.Count);
                foreach (var o in r.Others) w.Count(o);
                w.Byte((byte)r.Kind);
                w.Bool(r.Cased);
                w.Bool(r.All);
                break;
            case TimePartNode t:
                w.Byte((byte)Node.TimePart);
                w.Count(t.FieldId);
                w.Bool(t.IsEventTime);
                w.Byte((byte)t.Part);
                w.Count(t.Values.Count);
                foreach (var (op, value) in t.Values)
                {
                    w.Byte((byte)op);
                    w.Int(value);
                }

                w.Bool(t.All);
                w.Bool(t.MatchNull);
                break;
            default: throw new InvalidOperationException($"no cache encoding for {node.GetType().Name}");
        }
    }

    public static MatchNode Read(CacheReader r, int fields, int depth = 0)
    {
        if (depth > MaxDepth) throw new CacheFormatException("a match tree is nested too deeply");
        var tag = (Node)r.Byte();
        switch (tag)
        {
            case Node.And: return new AndNode(ReadChildren(r, fields, depth));
            case Node.Or: return new OrNode(ReadChildren(r, fields, depth));
            case Node.Not: return new NotNode(Read(r, fields, depth + 1));
            case Node.Constant: return new ConstantNode(r.Bool());
            case Node.Field:
                return new FieldNode(r.Index(fields), r.Text(), ReadMatchers(r, 0), r.Bool(), r.Bool());
            case Node.Keyword: return new KeywordNode(ReadMatchers(r, 0), r.Bool());
            case Node.Exists: return new ExistsNode(r.Index(fields), r.Bool());
            case Node.FieldRef:
            {
                var id = r.Index(fields);
                var others = new int[r.Count()];
                for (var i = 0; i < others.Length; i++) others[i] = r.Index(fields);
                return new FieldRefNode(id, others, Enum<TextMatchKind>(r.Byte()), r.Bool(), r.Bool());
            }

            case Node.TimePart:
            {
                var id = r.Index(fields);
                var isEventTime = r.Bool();
                var part = Enum<TimePart>(r.Byte());
                var values = new (ComparisonOperator, int)[r.Count()];
                for (var i = 0; i < values.Length; i++) values[i] = (Enum<ComparisonOperator>(r.Byte()), r.Int());
                return new TimePartNode(id, isEventTime, part, values, r.Bool(), r.Bool());
            }

            default: throw new CacheFormatException($"unknown match node tag {(byte)tag}");
        }
    }

    private static void Children(CacheWriter w, IReadOnlyList<MatchNode> children)
    {
        w.Count(children.Count);
        foreach (var c in children) Write(w, c);
    }

    private static MatchNode[] ReadChildren(CacheReader r, int fields, int depth)
    {
        var children = new MatchNode[r.Count()];
        for (var i = 0; i < children.Length; i++) children[i] = Read(r, fields, depth + 1);
        return children;
    }

    private static void Matchers(CacheWriter w, IReadOnlyList<StringMatcher> matchers)
    {
        w.Count(matchers.Count);
        foreach (var m in matchers) Matcher1(w, m);
    }

    private static void Matcher1(CacheWriter w, StringMatcher m)
    {
        switch (m)
        {
            case TextMatcher t: w.Byte((byte)Matcher.Text); w.Byte((byte)t.Kind); w.String(t.Text); w.Bool(t.Cased); break;
            case GlobMatcher g: w.Byte((byte)Matcher.Glob); w.String(g.Pattern); w.Bool(g.Cased); break;
            case RegexMatcher x: w.Byte((byte)Matcher.Regex); w.String(x.Pattern); w.Int((int)x.SigmaOptions); break;
            case CidrMatcher c: w.Byte((byte)Matcher.Cidr); w.String(c.Text); break;
            case NumericMatcher n: w.Byte((byte)Matcher.Numeric); w.String(n.Op); w.Double(n.Bound); break;
            case AnyMatcher a: w.Byte((byte)Matcher.Any); Matchers(w, a.Variants); break;
            default: throw new InvalidOperationException($"no cache encoding for {m.GetType().Name}");
        }
    }

    private static StringMatcher[] ReadMatchers(CacheReader r, int depth)
    {
        if (depth > 4) throw new CacheFormatException("matchers are nested too deeply");
        var matchers = new StringMatcher[r.Count()];
        for (var i = 0; i < matchers.Length; i++)
        {
            var tag = (Matcher)r.Byte();
            matchers[i] = tag switch
            {
                Matcher.Text => new TextMatcher(Enum<TextMatchKind>(r.Byte()), r.Text(), r.Bool()),
                Matcher.Glob => new GlobMatcher(r.Text(), r.Bool(), folded: true),
                Matcher.Regex => new RegexMatcher(r.Text(), (RegexOptions)r.Int(), validated: true),
                Matcher.Cidr => new CidrMatcher(r.Text()),
                Matcher.Numeric => new NumericMatcher(r.Text(), r.Double()),
                Matcher.Any => new AnyMatcher(ReadMatchers(r, depth + 1)),
                _ => throw new CacheFormatException($"unknown matcher tag {(byte)tag}"),
            };
        }

        return matchers;
    }

    private static T Enum<T>(byte value) where T : struct, Enum =>
        System.Enum.IsDefined(typeof(T), (int)value) ? (T)(object)(int)value : throw new CacheFormatException($"{value} is not a {typeof(T).Name}");
}
