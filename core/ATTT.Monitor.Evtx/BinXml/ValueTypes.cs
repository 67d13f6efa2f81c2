namespace ATTT.Monitor.Evtx.BinXml;

/// <summary>Binary XML value types (MS-EVEN6 2.2.11).</summary>
internal static class ValueTypes
{
    public const byte Null = 0x00;
    public const byte String = 0x01;
    public const byte AnsiString = 0x02;
    public const byte Int8 = 0x03;
    public const byte UInt8 = 0x04;
    public const byte Int16 = 0x05;
    public const byte UInt16 = 0x06;
    public const byte Int32 = 0x07;
    public const byte UInt32 = 0x08;
    public const byte Int64 = 0x09;
    public const byte UInt64 = 0x0a;
    public const byte Real32 = 0x0b;
    public const byte Real64 = 0x0c;
    public const byte Bool = 0x0d;
    public const byte Binary = 0x0e;
    public const byte Guid = 0x0f;
    public const byte SizeT = 0x10;
    public const byte FileTime = 0x11;
    public const byte SystemTime = 0x12;
    public const byte Sid = 0x13;
    public const byte HexInt32 = 0x14;
    public const byte HexInt64 = 0x15;
    public const byte EvtHandle = 0x20;
    public const byte BinXml = 0x21;
    public const byte EvtXml = 0x23;
    public const byte ArrayFlag = 0x80;

    /// <summary>Size of one item of a fixed-size type, 0 for variable-size types.</summary>
    public static int FixedSize(byte type) => type switch
    {
        Int8 or UInt8 => 1,
        Int16 or UInt16 => 2,
        Int32 or UInt32 or Real32 or Bool or HexInt32 => 4,
        Int64 or UInt64 or Real64 or FileTime or HexInt64 => 8,
        Guid or SystemTime => 16,
        _ => 0,
    };
}
