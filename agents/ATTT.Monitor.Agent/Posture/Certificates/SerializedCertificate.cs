using System.Buffers.Binary;

namespace ATTT.Monitor.Agent.Posture.Certificates;

/// <summary>
/// A certificate as a Windows certificate store keeps it on disk and in the registry (a user's
/// <c>AppData\Roaming\Microsoft\SystemCertificates\My\Certificates\&lt;SHA-1&gt;</c> file, or the
/// <c>Blob</c> value of <c>HKEY_USERS\&lt;SID&gt;\Software\Microsoft\SystemCertificates\My\Certificates\&lt;SHA-1&gt;</c>):
/// a run of properties, each <c>[u32 property id][u32 reserved, 1][u32 length][bytes]</c>, little endian.
/// Property 32 (CERT_CERT_PROP_ID) is the certificate's DER encoding, the only one read here. Private
/// keys are never in it (they sit apart, protected by DPAPI or on the USB token); property 2 only names
/// the key's container, and it is skipped like the others.
/// </summary>
public static class SerializedCertificate
{
    public const uint CertificateProperty = 32;
    private const int ElementHeader = 12;

    /// <summary>The DER certificate in <paramref name="blob"/>; a <see cref="FormatException"/> naming the fault when there is none or the blob is damaged.</summary>
    public static byte[] Certificate(ReadOnlySpan<byte> blob, string source)
    {
        var at = 0;
        while (at < blob.Length)
        {
            if (blob.Length - at < ElementHeader)
                throw new FormatException($"{source}: a property header is cut short at byte {at}.");
            var id = BinaryPrimitives.ReadUInt32LittleEndian(blob[at..]);
            var length = BinaryPrimitives.ReadUInt32LittleEndian(blob[(at + 8)..]);
            if (length > blob.Length - at - ElementHeader)
                throw new FormatException($"{source}: property {id} at byte {at} claims {length} bytes, more than the blob holds.");
            if (id == CertificateProperty)
                return blob.Slice(at + ElementHeader, (int)length).ToArray();
            at += ElementHeader + (int)length;
        }

        throw new FormatException($"{source}: no certificate (property {CertificateProperty}) in the blob.");
    }

    /// <summary>Writes a blob in the store's format (tests, and recorded samples).</summary>
    public static byte[] Write(params (uint Id, byte[] Data)[] properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var blob = new byte[properties.Sum(p => ElementHeader + p.Data.Length)];
        var at = 0;
        foreach (var (id, data) in properties)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(at), id);
            BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(at + 4), 1);
            BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(at + 8), (uint)data.Length);
            data.CopyTo(blob.AsSpan(at + ElementHeader));
            at += ElementHeader + data.Length;
        }

        return blob;
    }
}
