using System.Security.Cryptography;
using System.Text;
using Zhifa.Core.Common;

namespace Zhifa.Core.Personnel;

/// <summary>
/// ID numbers encrypted with SM4-GCM (the <see cref="CryptoSuite.National"/> suite), stored as
/// <c>sm4:1:&lt;key id&gt;:&lt;base64(nonce | ciphertext | tag)&gt;</c>: the format's version, the id of the key that
/// encrypted it (so a rotated-out key still opens its values), a fresh random 12-byte nonce each time. The tag also covers
/// the purpose and the header, so a value cannot be moved to another purpose or relabelled with another key id.
/// </summary>
public sealed class Sm4IdNumberProtector(Sm4KeyRing keys) : IIdNumberProtector
{
    /// <summary>Every SM4 value starts so; data-protection payloads are base64url and never contain a colon.</summary>
    public const string Prefix = "sm4:";

    private const string Version1 = Prefix + "1:";
    private const string Purpose = "Zhifa.Personnel.IdNumber";

    public Sm4KeyRing Keys => keys;

    public static bool IsSm4(string stored) => stored?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    public string Protect(string idNumber)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        var header = Version1 + keys.CurrentId;
        var nonce = RandomNumberGenerator.GetBytes(Sm4.NonceSize);
        var sealedData = Sm4.GcmSeal(keys.Current, nonce, Encoding.UTF8.GetBytes(idNumber), AssociatedData(header));
        return header + ":" + Convert.ToBase64String([.. nonce, .. sealedData]);
    }

    public string Unprotect(string protectedIdNumber)
    {
        ArgumentNullException.ThrowIfNull(protectedIdNumber);
        if (!protectedIdNumber.StartsWith(Version1, StringComparison.Ordinal))
            throw new CryptographicException("Not an SM4 value of a known version (sm4:1:…).");
        var rest = protectedIdNumber.AsSpan(Version1.Length);
        var colon = rest.IndexOf(':');
        if (colon <= 0)
            throw new CryptographicException("The SM4 value has no key id.");
        var keyId = rest[..colon].ToString();
        if (!keys.TryGet(keyId, out var key))
        {
            throw new CryptographicException($"The value was encrypted with SM4 key {keyId}, which is not configured: add it to "
                + $"{CryptoSettings.Sm4Key} (or {CryptoSettings.Sm4KeyFile}) after the current key.");
        }
        byte[] payload;
        try
        {
            payload = Convert.FromBase64String(rest[(colon + 1)..].ToString());
        }
        catch (FormatException e)
        {
            throw new CryptographicException("The SM4 value is not base64.", e);
        }
        if (payload.Length < Sm4.NonceSize + Sm4.TagSize)
            throw new CryptographicException("The SM4 value is too short.");
        var plain = Sm4.GcmOpen(key, payload.AsSpan(0, Sm4.NonceSize), payload.AsSpan(Sm4.NonceSize), AssociatedData(Version1 + keyId));
        return Encoding.UTF8.GetString(plain);
    }

    private static byte[] AssociatedData(string header) => Encoding.UTF8.GetBytes(Purpose + "|" + header);
}

/// <summary>
/// The protector the application uses: it writes with the configured suite (<see cref="CryptoSuite.Standard"/>: data
/// protection; <see cref="CryptoSuite.National"/>: SM4) and reads whatever a value was written with, by its prefix — so
/// switching the suite breaks no stored value (reading SM4 values needs their keys configured, whatever the suite).
/// </summary>
public sealed class SuiteIdNumberProtector(CryptoSuite suite, IIdNumberProtector standard, Sm4IdNumberProtector? national) : IIdNumberProtector
{
    public CryptoSuite Suite => suite;

    public string Protect(string idNumber) => suite switch
    {
        CryptoSuite.National => (national ?? throw new InvalidOperationException($"The National suite needs an SM4 key ({CryptoSettings.Sm4Key}).")).Protect(idNumber),
        _ => standard.Protect(idNumber),
    };

    public string Unprotect(string protectedIdNumber)
    {
        ArgumentNullException.ThrowIfNull(protectedIdNumber);
        if (!Sm4IdNumberProtector.IsSm4(protectedIdNumber))
            return standard.Unprotect(protectedIdNumber);
        return national is null
            ? throw new CryptographicException($"The value was encrypted with SM4 and no SM4 key is configured: set {CryptoSettings.Sm4Key} or {CryptoSettings.Sm4KeyFile}.")
            : national.Unprotect(protectedIdNumber);
    }
}
