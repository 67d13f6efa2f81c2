using System.Buffers;

namespace ATTT.Monitor.Inputs.Json;

/// <summary>
/// The unread part of a stream, in one pooled buffer that grows only as far as one record needs
/// (up to a limit), so a file of any size is read in bounded memory. Counts lines as it advances.
/// </summary>
internal sealed class ByteWindow : IDisposable
{
    private const int InitialSize = 64 * 1024;
    private readonly Stream _stream;
    private readonly int _limit;
    private byte[] _buffer;

    public ByteWindow(Stream stream, int limit)
    {
        _stream = stream;
        _limit = Math.Max(limit, InitialSize);
        _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
    }

    /// <summary>The bytes read and not yet consumed.</summary>
    public ReadOnlySpan<byte> Data => _buffer.AsSpan(Start, End - Start);

    public int Length => End - Start;

    /// <summary>True once the stream has no more bytes.</summary>
    public bool Ended { get; private set; }

    /// <summary>The 1-based line of the first unconsumed byte.</summary>
    public long Line { get; private set; } = 1;

    /// <summary>True when <see cref="Length"/> bytes are as many as one record may take.</summary>
    public bool Full => Length >= _limit;

    private int Start { get; set; }

    private int End { get; set; }

    /// <summary>Reads more of the stream behind what is there; false when the stream has ended.</summary>
    public bool Fill()
    {
        if (Ended)
            return false;
        if (Start > 0)
        {
            Buffer.BlockCopy(_buffer, Start, _buffer, 0, End - Start);
            End -= Start;
            Start = 0;
        }

        if (End == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, _limit + InitialSize));
            Buffer.BlockCopy(_buffer, 0, bigger, 0, End);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        var read = _stream.Read(_buffer, End, _buffer.Length - End);
        if (read == 0)
        {
            Ended = true;
            return false;
        }

        End += read;
        return true;
    }

    /// <summary>Makes at least one byte available; false at the end of the stream.</summary>
    public bool Any() => Length > 0 || Fill();

    /// <summary>Consumes <paramref name="count"/> bytes.</summary>
    public void Advance(int count)
    {
        Line += Data[..count].Count((byte)'\n');
        Start += count;
    }

    /// <summary>Consumes the rest of the current line, its line break included, reading as far as needed.</summary>
    public void SkipLine()
    {
        while (true)
        {
            var newline = Data.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                Advance(newline + 1);
                return;
            }

            Start = End;
            if (!Fill())
                return;
        }
    }

    /// <summary>Consumes spaces, tabs and line breaks (and commas when <paramref name="commas"/>); false at the end of the stream.</summary>
    public bool SkipWhitespace(bool commas)
    {
        while (Any())
        {
            var data = Data;
            var i = commas ? data.IndexOfAnyExcept(" \t\r\n,"u8) : data.IndexOfAnyExcept(" \t\r\n"u8);
            if (i >= 0)
            {
                Advance(i);
                return true;
            }

            Advance(data.Length);
        }

        return false;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        Start = End = 0;
    }
}
