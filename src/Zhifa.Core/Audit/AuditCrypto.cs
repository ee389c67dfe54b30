using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Zhifa.Core.Audit;

/// <summary>
/// The algorithms of the audit trail. Each entry records the hash it was chained with (<c>sha256</c> or the national
/// <c>sm3</c>), each checkpoint the signature it carries (<c>ecdsa-p256-sha256</c> or <c>sm2-sm3</c>), so switching the
/// suite (<c>Zhifa:Crypto:Suite</c>) leaves every earlier row verifiable.
/// </summary>
public static class AuditAlgorithms
{
    public const string Sha256 = "sha256";
    public const string Sm3 = "sm3";
    public const string EcdsaP256 = "ecdsa-p256-sha256";
    public const string Sm2 = "sm2-sm3";

    public static byte[] Hash(string algorithm, byte[] data) => algorithm switch
    {
        Sha256 => SHA256.HashData(data),
        Sm3 => Digest(new SM3Digest(), data),
        _ => throw new CryptographicException($"Unknown audit hash algorithm '{algorithm}'."),
    };

    /// <summary>A keyed hash (HMAC) with the entry's hash function.</summary>
    public static byte[] Mac(string algorithm, byte[] key, byte[] data)
    {
        switch (algorithm)
        {
            case Sha256:
                return HMACSHA256.HashData(key, data);
            case Sm3:
                var mac = new HMac(new SM3Digest());
                mac.Init(new KeyParameter(key));
                mac.BlockUpdate(data, 0, data.Length);
                var result = new byte[mac.GetMacSize()];
                mac.DoFinal(result, 0);
                return result;
            default:
                throw new CryptographicException($"Unknown audit hash algorithm '{algorithm}'.");
        }
    }

    private static byte[] Digest(IDigest digest, byte[] data)
    {
        digest.BlockUpdate(data, 0, data.Length);
        var result = new byte[digest.GetDigestSize()];
        digest.DoFinal(result, 0);
        return result;
    }
}

/// <summary>
/// A key of the audit trail: an elliptic-curve key on P-256 or on the national SM2 curve. With its private half it seals
/// entries (a keyed hash derived from it) and signs checkpoints; with only its public half (a supervising body's copy)
/// it verifies checkpoints. It lives outside the database: a file or the environment.
/// </summary>
public sealed class AuditKey
{
    private readonly ECPrivateKeyParameters? _private;
    private readonly ECPublicKeyParameters _public;
    private readonly byte[]? _sealKey;

    private AuditKey(ECPrivateKeyParameters? privateKey, ECPublicKeyParameters publicKey)
    {
        _private = privateKey;
        _public = publicKey;
        var curve = (publicKey.Parameters as ECNamedDomainParameters)?.Name
            ?? throw new CryptographicException("An audit key must be on a named curve (P-256 or SM2).");
        SignatureAlgorithm = curve.Equals(GMObjectIdentifiers.sm2p256v1) ? AuditAlgorithms.Sm2
            : curve.Equals(SecObjectIdentifiers.SecP256r1) ? AuditAlgorithms.EcdsaP256
            : throw new CryptographicException("An audit key must be on P-256 or on the SM2 curve.");
        PublicKeyDer = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(publicKey).GetDerEncoded();
        Id = Convert.ToHexStringLower(SHA256.HashData(PublicKeyDer))[..16];
        if (privateKey is not null)
            _sealKey = HMACSHA256.HashData(privateKey.D.ToByteArrayUnsigned(), "zhifa-audit-seal/1"u8);
    }

    /// <summary>The first 16 hex digits of the SHA-256 of the public key (SubjectPublicKeyInfo): how rows name their key.</summary>
    public string Id { get; }

    public string SignatureAlgorithm { get; }

    public byte[] PublicKeyDer { get; }

    public bool HasPrivateKey => _private is not null;

    public string PublicKeyPem => PemEncoding.WriteString("PUBLIC KEY", PublicKeyDer);

    public string PrivateKeyPem => PemEncoding.WriteString("PRIVATE KEY",
        PrivateKeyInfoFactory.CreatePrivateKeyInfo(_private ?? throw new InvalidOperationException("A public key only.")).GetDerEncoded());

    /// <summary>A new key: SM2 for the national suite, else P-256.</summary>
    public static AuditKey Generate(bool sm2)
    {
        var oid = sm2 ? GMObjectIdentifiers.sm2p256v1 : SecObjectIdentifiers.SecP256r1;
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(ECNamedDomainParameters.LookupOid(oid), new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        return new AuditKey((ECPrivateKeyParameters)pair.Private, (ECPublicKeyParameters)pair.Public);
    }

    /// <summary>Reads a PEM <c>PRIVATE KEY</c> (PKCS#8) or <c>PUBLIC KEY</c> (SubjectPublicKeyInfo).</summary>
    public static AuditKey FromPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var fields = PemEncoding.Find(pem);
        var label = pem[fields.Label];
        var der = Convert.FromBase64String(pem[fields.Base64Data]);
        switch (label)
        {
            case "PRIVATE KEY":
                var key = PrivateKeyFactory.CreateKey(der) as ECPrivateKeyParameters
                    ?? throw new CryptographicException("The audit signing key must be an elliptic-curve key.");
                var q = key.Parameters.G.Multiply(key.D).Normalize();
                return new AuditKey(key, new ECPublicKeyParameters(key.AlgorithmName, q, key.Parameters));
            case "PUBLIC KEY":
                var pub = PublicKeyFactory.CreateKey(der) as ECPublicKeyParameters
                    ?? throw new CryptographicException("An audit verification key must be an elliptic-curve key.");
                return new AuditKey(null, pub);
            default:
                throw new CryptographicException($"An audit key is a PEM PRIVATE KEY or PUBLIC KEY, not {label}.");
        }
    }

    /// <summary>The seal of an entry: a keyed hash of its chain hash, with the entry's hash function.</summary>
    public string Seal(string hashAlgorithm, string entryHash) => Convert.ToHexStringLower(AuditAlgorithms.Mac(hashAlgorithm,
        _sealKey ?? throw new InvalidOperationException("Sealing needs the private key."), Encoding.ASCII.GetBytes(entryHash)));

    public bool CanSeal => _sealKey is not null;

    /// <summary>A keyed hash of personal data (12 hex digits), so the trail tells two values apart without holding them.</summary>
    public string Fingerprint(string value) => Convert.ToHexStringLower(HMACSHA256.HashData(
        _sealKey ?? throw new InvalidOperationException("Needs the private key."), Encoding.UTF8.GetBytes("personal/1:" + value)))[..12];

    public string Sign(byte[] payload)
    {
        var signer = NewSigner();
        signer.Init(true, new ParametersWithRandom(_private ?? throw new InvalidOperationException("Signing needs the private key."), new SecureRandom()));
        signer.BlockUpdate(payload, 0, payload.Length);
        return Convert.ToBase64String(signer.GenerateSignature());
    }

    public bool Verify(byte[] payload, string signature)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return false;
        }
        var signer = NewSigner();
        signer.Init(false, _public);
        signer.BlockUpdate(payload, 0, payload.Length);
        try
        {
            return signer.VerifySignature(bytes);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or Asn1Exception or IOException)
        {
            return false;
        }
    }

    private ISigner NewSigner() => SignatureAlgorithm == AuditAlgorithms.Sm2 ? new SM2Signer() : SignerUtilities.GetSigner("SHA-256withECDSA");
}
