using System.Globalization;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace Zhifa.Core.Common;

/// <summary>
/// The deployment's cryptographic suite (<c>Zhifa:Crypto:Suite</c>): <see cref="Standard"/> — the internationally usual
/// algorithms (ASP.NET Core data protection, SHA-256) — or <see cref="National"/> — the Chinese commercial algorithms
/// (国密: SM2, SM3, SM4) that a commercial-cryptography evaluation (密评) asks for.
/// </summary>
public enum CryptoSuite
{
    Standard,
    National,
}

/// <summary>The settings of the crypto suite, read by every feature that encrypts, hashes or signs.</summary>
public static class CryptoSettings
{
    public const string Suite = "Zhifa:Crypto:Suite";
    public const string Sm4Key = "Zhifa:Crypto:Sm4Key";
    public const string Sm4KeyFile = "Zhifa:Crypto:Sm4KeyFile";

    /// <summary><see cref="CryptoSuite.Standard"/> when not set; a clear error for a value that is neither.</summary>
    public static CryptoSuite ParseSuite(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return CryptoSuite.Standard;
        var name = value.Trim();
        return name.All(char.IsAsciiLetter) && Enum.TryParse<CryptoSuite>(name, ignoreCase: true, out var suite)
            ? suite
            : throw new InvalidOperationException($"{Suite} is '{value}': use '{nameof(CryptoSuite.Standard)}' or '{nameof(CryptoSuite.National)}'.");
    }
}

/// <summary>
/// SM4 (GB/T 32907-2016): a 128-bit block cipher with a 128-bit key, here through BouncyCastle; and SM4 in GCM mode
/// (GB/T 17964-2021; RFC 8998: 96-bit nonce, 128-bit tag), which encrypts and authenticates in one step.
/// </summary>
public static class Sm4
{
    public const int KeySize = 16;
    public const int BlockSize = 16;
    public const int NonceSize = 12;
    public const int TagSize = 16;

    /// <summary>One block encrypted with the bare cipher (for known-answer tests and key ids; never for data).</summary>
    public static byte[] EncryptBlock(ReadOnlySpan<byte> key, ReadOnlySpan<byte> block)
    {
        CheckKey(key);
        if (block.Length != BlockSize)
            throw new ArgumentException($"An SM4 block is {BlockSize} bytes.", nameof(block));
        var engine = new SM4Engine();
        engine.Init(true, new KeyParameter(key.ToArray()));
        var output = new byte[BlockSize];
        engine.ProcessBlock(block.ToArray(), 0, output, 0);
        return output;
    }

    /// <summary>SM4-GCM: the ciphertext followed by its 16-byte tag, which covers <paramref name="associatedData"/> too.</summary>
    public static byte[] GcmSeal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var gcm = Gcm(true, key, nonce, associatedData);
        var output = new byte[gcm.GetOutputSize(plaintext.Length)];
        var written = gcm.ProcessBytes(plaintext.ToArray(), 0, plaintext.Length, output, 0);
        gcm.DoFinal(output, written);
        return output;
    }

    /// <summary>Opens what <see cref="GcmSeal"/> made; a <see cref="CryptographicException"/> when anything was changed (or another key or associated data is used).</summary>
    public static byte[] GcmOpen(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> sealedData, ReadOnlySpan<byte> associatedData)
    {
        if (sealedData.Length < TagSize)
            throw new CryptographicException("The SM4-GCM data is shorter than its tag.");
        var gcm = Gcm(false, key, nonce, associatedData);
        var output = new byte[gcm.GetOutputSize(sealedData.Length)];
        try
        {
            var written = gcm.ProcessBytes(sealedData.ToArray(), 0, sealedData.Length, output, 0);
            gcm.DoFinal(output, written);
        }
        catch (InvalidCipherTextException e)
        {
            throw new CryptographicException("The SM4-GCM tag does not match: the data was changed, or another key was used.", e);
        }
        return output;
    }

    /// <summary>
    /// The id of a key: the first four bytes of a fixed block encrypted with it, in hex (a key check value). It tells keys
    /// apart without revealing them. The block is not all zeros: E(0) is GCM's hash key.
    /// </summary>
    public static string KeyId(ReadOnlySpan<byte> key) =>
        Convert.ToHexStringLower(EncryptBlock(key, "zhifa:sm4:key-id"u8).AsSpan(0, 4));

    private static GcmBlockCipher Gcm(bool encrypt, ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> associatedData)
    {
        CheckKey(key);
        if (nonce.Length != NonceSize)
            throw new ArgumentException($"An SM4-GCM nonce is {NonceSize} bytes.", nameof(nonce));
        var gcm = new GcmBlockCipher(new SM4Engine());
        gcm.Init(encrypt, new AeadParameters(new KeyParameter(key.ToArray()), TagSize * 8, nonce.ToArray(), associatedData.ToArray()));
        return gcm;
    }

    private static void CheckKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeySize)
            throw new ArgumentException($"An SM4 key is {KeySize} bytes.", nameof(key));
    }
}

/// <summary>
/// The SM4 keys a node knows: the current one encrypts, the others (earlier ones, kept after a rotation) still decrypt
/// what they encrypted. Each is known by its <see cref="Sm4.KeyId"/>, which every ciphertext records.
/// </summary>
public sealed class Sm4KeyRing
{
    private readonly Dictionary<string, byte[]> _keys;

    /// <param name="keys">The current key first, then earlier ones.</param>
    public Sm4KeyRing(IReadOnlyList<byte[]> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
            throw new ArgumentException("An SM4 key ring needs a key.", nameof(keys));
        _keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var key in keys)
            _keys.TryAdd(Sm4.KeyId(key), key.ToArray());
        CurrentId = Sm4.KeyId(keys[0]);
    }

    /// <summary>The id of the key that encrypts.</summary>
    public string CurrentId { get; }

    public IReadOnlyCollection<string> Ids => _keys.Keys;

    public byte[] Current => _keys[CurrentId];

    public bool TryGet(string id, out byte[] key) => _keys.TryGetValue(id, out key!);

    /// <summary>
    /// Keys written as hex (32 digits each), separated by commas, semicolons, spaces or new lines; the first is the current
    /// one. The error names what is wrong with every bad key (by position, never showing it).
    /// </summary>
    public static Sm4KeyRing Parse(string text, string source)
    {
        var parts = (text ?? "").Split([',', ';', ' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
            throw new InvalidOperationException($"{source} holds no SM4 key: write one key as {Sm4.KeySize * 2} hex digits (e.g. from `openssl rand -hex 16`).");
        var keys = new List<byte[]>();
        var errors = new List<string>();
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i].StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? parts[i][2..] : parts[i];
            if (part.Length != Sm4.KeySize * 2 || !part.All(char.IsAsciiHexDigit))
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"key {i + 1} is not {Sm4.KeySize * 2} hex digits ({part.Length} characters)"));
            else
                keys.Add(Convert.FromHexString(part));
        }
        if (errors.Count > 0)
            throw new InvalidOperationException($"{source}: {string.Join("; ", errors)}.");
        if (keys.Any(k => k.All(b => b == 0)))
            throw new InvalidOperationException($"{source}: an all-zero SM4 key is not a key.");
        return new Sm4KeyRing(keys);
    }

    /// <summary>A name for a key in logs: its id, never its bytes.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"SM4 keys {string.Join(", ", Ids)} (current {CurrentId})");
}
