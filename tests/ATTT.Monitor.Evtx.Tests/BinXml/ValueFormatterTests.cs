using System.Text;
using ATTT.Monitor.Evtx.BinXml;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Evtx.Tests.BinXml;

/// <summary>Values as Windows renders them, because Sigma rules match on these strings.</summary>
public sealed class ValueFormatterTests
{
    [Fact]
    public void Hex_values_have_no_zero_padding() =>
        Assert.Equal("0x1fffff", ValueFormatter.Format(ValueTypes.HexInt32, BitConverter.GetBytes(0x1fffffu)));

    [Fact]
    public void Hex64_keeps_every_significant_digit()
    {
        Assert.Equal("0x8000000000000000", ValueFormatter.Format(ValueTypes.HexInt64, BitConverter.GetBytes(0x8000000000000000ul)));
        Assert.Equal("0x3e7", ValueFormatter.Format(ValueTypes.HexInt64, BitConverter.GetBytes(0x3e7ul)));
        Assert.Equal("0x0", ValueFormatter.Format(ValueTypes.HexInt64, BitConverter.GetBytes(0ul)));
    }

    [Fact]
    public void Guids_are_upper_case_without_braces()
    {
        var guid = Guid.Parse("{5770385f-c22a-43e0-bf4c-06f5698ffbd9}");
        Assert.Equal("5770385F-C22A-43E0-BF4C-06F5698FFBD9", ValueFormatter.Format(ValueTypes.Guid, guid.ToByteArray()));
    }

    [Fact]
    public void Sids_are_rendered_in_the_S_form()
    {
        byte[] system = [1, 1, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0];
        Assert.Equal("S-1-5-18", ValueFormatter.Format(ValueTypes.Sid, system));
        byte[] user = [1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 0xe9, 3, 0, 0];
        Assert.Equal("S-1-5-21-1-2-3-1001", ValueFormatter.Format(ValueTypes.Sid, user));
    }

    [Fact]
    public void A_truncated_sid_does_not_throw() =>
        Assert.Equal("010500", ValueFormatter.Format(ValueTypes.Sid, [1, 5, 0]));

    [Fact]
    public void Filetime_and_systemtime_are_iso_utc_with_microseconds()
    {
        var time = new DateTime(2026, 4, 17, 5, 24, 53, DateTimeKind.Utc).AddTicks(888_491);
        Assert.Equal("2026-04-17T05:24:53.088849Z", ValueFormatter.Format(ValueTypes.FileTime, BitConverter.GetBytes(time.ToFileTimeUtc())));
        ushort[] fields = [2019, 7, 5, 19, 14, 42, 51, 257];
        var bytes = fields.SelectMany(BitConverter.GetBytes).ToArray();
        Assert.Equal("2019-07-19T14:42:51.257000Z", ValueFormatter.Format(ValueTypes.SystemTime, bytes));
    }

    [Fact]
    public void Strings_lose_trailing_nuls_and_spaces_but_keep_inner_ones()
    {
        var bytes = Encoding.Unicode.GetBytes("\"C:\\cmd.exe\"  /c dir \0");
        Assert.Equal("\"C:\\cmd.exe\"  /c dir", ValueFormatter.Format(ValueTypes.String, bytes));
    }

    [Fact]
    public void A_lone_surrogate_becomes_a_replacement_character_so_json_writers_never_fail()
    {
        byte[] bytes = [0x00, 0xd8, (byte)'a', 0];
        Assert.Equal("\uFFFDa", ValueFormatter.Format(ValueTypes.String, bytes));
    }

    [Theory]
    [InlineData(ValueTypes.Int8, new byte[] { 0xff }, "-1", EventValueKind.Integer)]
    [InlineData(ValueTypes.UInt16, new byte[] { 0x10, 0x27 }, "10000", EventValueKind.Integer)]
    [InlineData(ValueTypes.UInt64, new byte[] { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff }, "18446744073709551615", EventValueKind.Integer)]
    [InlineData(ValueTypes.Bool, new byte[] { 1, 0, 0, 0 }, "true", EventValueKind.Boolean)]
    [InlineData(ValueTypes.Bool, new byte[] { 0, 0, 0, 0 }, "false", EventValueKind.Boolean)]
    [InlineData(ValueTypes.Binary, new byte[] { 0xde, 0xad, 0x01 }, "DEAD01", EventValueKind.String)]
    [InlineData(ValueTypes.SizeT, new byte[] { 0x10, 0, 0, 0, 0, 0, 0, 0 }, "0x10", EventValueKind.String)]
    public void Scalars(byte type, byte[] data, string expected, EventValueKind kind)
    {
        Assert.Equal(expected, ValueFormatter.Format(type, data));
        Assert.Equal(kind, ValueFormatter.Kind(type));
    }

    [Fact]
    public void Empty_and_null_values_have_no_text()
    {
        Assert.Null(ValueFormatter.Format(ValueTypes.String, []));
        Assert.Null(ValueFormatter.Format(ValueTypes.Null, [1, 2]));
    }

    [Fact]
    public void String_arrays_split_on_nul()
    {
        const byte type = ValueTypes.String | ValueTypes.ArrayFlag;
        var bytes = Encoding.Unicode.GetBytes("one\0\0three\0");
        Assert.Equal(3, ValueFormatter.ArrayCount(type, bytes));
        Assert.Equal("three", Encoding.Unicode.GetString(ValueFormatter.ArrayItem(type, bytes, 2)));
        Assert.True(ValueFormatter.ArrayItem(type, bytes, 1).IsEmpty);
        Assert.Equal("one, , three", ValueFormatter.Format(type, bytes));
    }

    [Fact]
    public void Fixed_size_arrays_split_by_item_size()
    {
        const byte type = ValueTypes.UInt32 | ValueTypes.ArrayFlag;
        var bytes = new uint[] { 1, 2, 3 }.SelectMany(BitConverter.GetBytes).ToArray();
        Assert.Equal(3, ValueFormatter.ArrayCount(type, bytes));
        Assert.Equal("1, 2, 3", ValueFormatter.Format(type, bytes));
    }

    [Fact]
    public void Values_shorter_than_their_type_do_not_throw() =>
        Assert.Equal("0102", ValueFormatter.Format(ValueTypes.Int64, [1, 2]));
}
