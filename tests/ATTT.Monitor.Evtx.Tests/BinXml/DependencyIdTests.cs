using ATTT.Monitor.Events;
using ATTT.Monitor.Evtx.Tests.Support;

namespace ATTT.Monitor.Evtx.Tests.BinXml;

/// <summary>
/// Windows leaves the dependency id out of the open-start-element tokens of some binary XML held in a
/// substitution value: the CAPI2 Operational log writes event 70 (a certificate's private key
/// acquired, which mimikatz's crypto::certificates /export does) so, and every such record was
/// skipped with "name offset ... out of range" while libevtx renders them. The records here are
/// built by hand in that shape (the public sample is mdecrevoisier/EVTX-to-MITRE-Attack,
/// "ID70-CAPI-Private key accessed Mimikatz.evtx").
/// </summary>
public sealed class DependencyIdTests
{
    private const byte UInt16Type = 0x06;
    private const byte BinXmlType = 0x21;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Elements_with_and_without_a_dependency_id_in_a_binary_xml_value_are_read(bool nestedHasDependencyIds)
    {
        var warnings = new List<EvtxWarning>();
        var bytes = EvtxFileBuilder.Build(Capi2Record(nestedHasDependencyIds));
        using var stream = new MemoryStream(bytes);

        var document = Assert.Single(EvtxFile.ReadDocuments(stream, "capi2.evtx", null, warnings.Add));
        stream.Position = 0;
        var record = Assert.Single(EvtxFile.ReadEvents(stream, "capi2.evtx", null, warnings.Add));

        Assert.Empty(warnings);
        Assert.Equal(
            "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System><Provider Name=\"Microsoft-Windows-CAPI2\"/>" +
            "<EventID>70</EventID><Channel>Microsoft-Windows-CAPI2/Operational</Channel></System><UserData>" +
            "<CryptAcquireCertificatePrivateKey><EventAuxInfo ProcessName=\"mimikatz.exe\"/><Result value=\"0\"/>" +
            "</CryptAcquireCertificatePrivateKey></UserData></Event>",
            document.ToXml());
        Assert.Equal(70, record.EventId);
        Assert.Equal(EventPayloadKind.UserData, record.PayloadKind);
        Assert.Equal("CryptAcquireCertificatePrivateKey", record.UserDataName);
        Assert.Equal("Microsoft-Windows-CAPI2/Operational", record.Channel);
    }

    private static byte[] Capi2Record(bool nestedHasDependencyIds)
    {
        ushort? id = nestedHasDependencyIds ? (ushort)0xffff : null;
        return new BinXmlBuilder(EvtxFileBuilder.BinXmlOffset(EvtxFileBuilder.FirstRecordOffset))
            .FragmentHeader()
            .TemplateInstance(
                body => body.FragmentHeader()
                    .StartElement("Event", hasAttributes: true).Attribute("xmlns").Text("http://schemas.microsoft.com/win/2004/08/events/event").CloseStartElement()
                    .StartElement("System").CloseStartElement()
                    .StartElement("Provider", hasAttributes: true).Attribute("Name").Text("Microsoft-Windows-CAPI2").CloseEmptyElement()
                    .StartElement("EventID").CloseStartElement().Substitution(0, UInt16Type).EndElement()
                    .StartElement("Channel").CloseStartElement().Text("Microsoft-Windows-CAPI2/Operational").EndElement()
                    .EndElement()
                    .StartElement("UserData").CloseStartElement().Substitution(1, BinXmlType).EndElement()
                    .EndElement()
                    .EndOfFragment(),
                (UInt16Type, _ => [70, 0]),
                (BinXmlType, offset => new BinXmlBuilder(offset)
                    .StartElement("CryptAcquireCertificatePrivateKey", dependencyId: id).CloseStartElement()
                    .StartElement("EventAuxInfo", hasAttributes: true, dependencyId: id).Attribute("ProcessName").Text("mimikatz.exe").CloseEmptyElement()
                    .StartElement("Result", hasAttributes: true, dependencyId: id).Attribute("value").Text("0").CloseEmptyElement()
                    .EndElement()
                    .EndOfFragment()
                    .ToArray()))
            .ToArray();
    }
}
