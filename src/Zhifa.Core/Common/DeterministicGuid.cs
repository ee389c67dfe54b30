using System.Security.Cryptography;
using System.Text;

namespace Zhifa.Core.Common;

/// <summary>Name-based ids (RFC 9562 version 5 style) so that demo data is identical on every load.</summary>
public static class DeterministicGuid
{
    public static Guid From(string name)
    {
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 v5 names use; this is an identifier, not a security hash.
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes("zhifa:" + name));
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
