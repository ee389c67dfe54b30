using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Zhifa.Core.Inspections.Draws;

/// <summary>
/// The draw's random stream (see <see cref="VerifiableDraw"/> for the construction): SHA-256 in counter mode over the
/// 32-byte seed, read as unsigned 64-bit big-endian integers, with rejection sampling for uniform integers below a bound.
/// </summary>
internal sealed class DrawRandom
{
    private readonly byte[] _input;
    private readonly byte[] _block = new byte[32];
    private ulong _counter;
    private int _used = 32;

    public DrawRandom(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != 32)
            throw new ArgumentException("The seed is 32 bytes.", nameof(seed));
        _input = new byte[40];
        seed.CopyTo(_input);
    }

    public ulong NextUInt64()
    {
        if (_used == 32)
        {
            BinaryPrimitives.WriteUInt64BigEndian(_input.AsSpan(32), _counter++);
            SHA256.HashData(_input, _block);
            _used = 0;
        }
        var value = BinaryPrimitives.ReadUInt64BigEndian(_block.AsSpan(_used));
        _used += 8;
        return value;
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>): values at or above the largest multiple of the bound below 2^64 are drawn again.</summary>
    public ulong NextBelow(ulong bound)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bound);
        var excess = (ulong.MaxValue % bound + 1) % bound;
        while (true)
        {
            var x = NextUInt64();
            if (x <= ulong.MaxValue - excess)
                return x % bound;
        }
    }

    /// <summary>The first <paramref name="steps"/> steps of a Fisher–Yates shuffle: position i takes the item at i + NextBelow(count − i).</summary>
    public void Shuffle<T>(IList<T> items, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            var j = i + (int)NextBelow((ulong)(items.Count - i));
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
