using System.Text;
using System.Text.Json;
using System.Xml;
using ATTT.Monitor.Evtx.Rendering;
using ATTT.Monitor.Evtx.Tests.Support;

namespace ATTT.Monitor.Evtx.Tests.Rendering;

/// <summary>
/// Element and attribute names come from the file; in deleted, partly overwritten records they are
/// garbage. Whatever the names, `attt evtx dump --format xml` must stay well-formed XML and the JSON
/// must stay valid JSON that keeps the name.
/// </summary>
public sealed class HostileNameTests
{
    private const int HeaderSize = 4096;
    private const int ChunkSize = 65536;

    [Theory]
    [InlineData("1\n< &:\u0001\"")]   // invalid first character, line break, markup, prefix, control
    [InlineData("a\u2028\uD83D\uDE00b>cd")] // a line separator and an emoji (a surrogate pair)
    public void Damaged_names_are_written_as_well_formed_xml_and_valid_json(string garbage)
    {
        // "Provider" (8 characters) becomes garbage of the same length in every name of the first
        // chunks, and "Guid" becomes "Name", so the Provider element has its "Name" attribute twice.
        Assert.Equal("Provider".Length, garbage.Length);
        var sample = SharedData.EvtxFiles(SharedData.AttackSamples).First(f => new FileInfo(f).Length is > 70_000 and < 2_000_000);
        var bytes = File.ReadAllBytes(sample);
        var damagedNames = Replace(bytes, "Provider", garbage) + Replace(bytes, "Guid", "Name");
        Assert.True(damagedNames > 0, "the sample must hold the names this test damages");

        using var stream = new MemoryStream(bytes);
        var documents = EvtxFile.ReadDocuments(stream, "names.evtx", new EvtxReadOptions { RecoverDeleted = true }, _ => { }).ToList();
        var hostile = documents.Where(d => HasName(d.Root, garbage)).ToList();
        Assert.NotEmpty(hostile);
        Assert.Contains(documents, d => d.Recovered);

        foreach (var document in documents)
        {
            var xml = document.ToXml();
            Assert.DoesNotContain('\n', xml);
            var names = ReadXmlNames(xml);
            Assert.All(names, n => XmlConvert.VerifyNCName(n));

            using var json = JsonDocument.Parse(document.ToJson());
            Assert.Equal(JsonValueKind.Object, json.RootElement.GetProperty("Event").ValueKind);
        }

        var first = hostile[0];
        var sanitized = XmlNames.Safe(garbage);
        Assert.Contains("<" + sanitized + " ", first.ToXml(), StringComparison.Ordinal);
        // JSON keeps the name as it is: Utf8JsonWriter escapes property names.
        using var firstJson = JsonDocument.Parse(first.ToJson());
        Assert.True(firstJson.RootElement.GetProperty("Event").GetProperty("System").TryGetProperty(garbage, out _));
    }

    [Theory]
    [InlineData("", "_")]
    [InlineData("Data", "Data")]
    [InlineData("9a", "_a")]
    [InlineData("a b\r\n", "a_b__")]
    [InlineData("x:y", "x_y")]
    [InlineData("\uD83D\uDE00z", "_z")]
    [InlineData("-é.", "_é.")]
    public void Names_are_made_safe_one_underscore_per_invalid_character(string name, string expected)
        => Assert.Equal(expected, XmlNames.Safe(name));

    [Theory]
    [InlineData("xmlns", "xmlns")]
    [InlineData("xmlns:auto-ns2", "xmlns:auto-ns2")]
    [InlineData("xmlns:xml", "xmlns_xml")]
    [InlineData("xmlns:", "xmlns_")]
    [InlineData("xmlns:a:b", "xmlns_a_b")]
    [InlineData("a:b", "a_b")]
    public void Attribute_names_keep_the_colon_only_of_a_namespace_declaration(string name, string expected)
        => Assert.Equal(expected, XmlNames.SafeAttribute(name));

    [Fact]
    public void Genuine_names_of_every_live_record_are_written_unchanged()
    {
        var checkedNames = 0;
        foreach (var sample in SharedData.EvtxFiles(SharedData.AttackSamples))
        {
            foreach (var document in EvtxFile.ReadDocuments(sample))
                checkedNames += AssertUnchanged(document.Root);
        }

        Assert.True(checkedNames > 100_000, $"only {checkedNames} names checked");
    }

    private static int AssertUnchanged(ATTT.Monitor.Evtx.Rendering.XmlNode node)
    {
        Assert.Same(node.Name, XmlNames.Safe(node.Name));
        var count = 1;
        foreach (var a in node.Attributes)
        {
            Assert.Same(a.Name, XmlNames.SafeAttribute(a.Name));
            count++;
        }

        foreach (var child in node.Children)
            count += AssertUnchanged(child);
        return count;
    }

    /// <summary>Parses one record with a strict, namespace-aware reader and returns its element and attribute names.</summary>
    private static List<string> ReadXmlNames(string xml)
    {
        var names = new List<string>();
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
                continue;
            names.Add(reader.LocalName);
            while (reader.MoveToNextAttribute())
            {
                if (reader.Name != "xmlns")
                    names.Add(reader.LocalName);
            }
        }

        return names;
    }

    private static bool HasName(ATTT.Monitor.Evtx.Rendering.XmlNode node, string name)
    {
        if (node.Name == name)
            return true;
        foreach (var child in node.Children)
        {
            if (HasName(child, name))
                return true;
        }

        return false;
    }

    /// <summary>Replaces the UTF-16 text <paramref name="from"/> in the first chunks by <paramref name="to"/>; returns how many.</summary>
    private static int Replace(byte[] bytes, string from, string to)
    {
        var pattern = Encoding.Unicode.GetBytes(from);
        var replacement = Encoding.Unicode.GetBytes(to);
        var count = 0;
        var end = Math.Min(bytes.Length, HeaderSize + (2 * ChunkSize));
        for (var i = HeaderSize; i + pattern.Length <= end; i++)
        {
            if (!bytes.AsSpan(i, pattern.Length).SequenceEqual(pattern))
                continue;
            replacement.CopyTo(bytes, i);
            count++;
        }

        return count;
    }
}
