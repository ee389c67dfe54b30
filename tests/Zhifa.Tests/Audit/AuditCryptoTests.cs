using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Zhifa.Core.Audit;

namespace Zhifa.Tests.Audit;

/// <summary>The audit trail's algorithms, without a database: known answers from the standards, and what a key can and cannot do.</summary>
public class AuditCryptoTests
{
    [Fact]
    public void Sm3_GivesTheKnownAnswerOfGBT32905()
    {
        // GB/T 32905-2016, example 1: SM3("abc").
        Assert.Equal("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
            Convert.ToHexStringLower(AuditAlgorithms.Hash("sm3", "abc"u8.ToArray())));
    }

    [Fact]
    public void Sha256_GivesTheKnownAnswerOfFips180()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            Convert.ToHexStringLower(AuditAlgorithms.Hash("sha256", "abc"u8.ToArray())));
    }

    [Fact]
    public void AnUnknownHashAlgorithm_IsRefused() =>
        Assert.Throws<CryptographicException>(() => AuditAlgorithms.Hash("md5", [1]));

    [Theory]
    [InlineData(false, "ecdsa-p256-sha256")]
    [InlineData(true, "sm2-sm3")]
    public void AKey_SignsAndItsPublicHalfAloneVerifies_AndAChangedPayloadFails(bool sm2, string algorithm)
    {
        var key = AuditKey.Generate(sm2);
        Assert.Equal(algorithm, key.SignatureAlgorithm);
        var payload = Encoding.UTF8.GetBytes("zhifa-audit-checkpoint/1\n42\nabc");
        var signature = key.Sign(payload);
        var publicOnly = AuditKey.FromPem(key.PublicKeyPem);
        Assert.Equal(key.Id, publicOnly.Id);
        Assert.False(publicOnly.CanSeal);
        Assert.True(publicOnly.Verify(payload, signature));
        Assert.False(publicOnly.Verify(Encoding.UTF8.GetBytes("zhifa-audit-checkpoint/1\n43\nabc"), signature));
        Assert.False(AuditKey.Generate(sm2).Verify(payload, signature), "another key of the same curve does not verify it");
        Assert.False(publicOnly.Verify(payload, "not base64!"));
        Assert.Throws<InvalidOperationException>(() => publicOnly.Sign(payload));
    }

    [Fact]
    public void AKeyReadBackFromItsPem_SealsAsBefore_AndAnotherKeySealsDifferently()
    {
        var key = AuditKey.Generate(sm2: false);
        var again = AuditKey.FromPem(key.PrivateKeyPem);
        Assert.Equal(key.Id, again.Id);
        Assert.Equal(key.Seal("sha256", "00ff"), again.Seal("sha256", "00ff"));
        Assert.NotEqual(key.Seal("sha256", "00ff"), key.Seal("sm3", "00ff"));
        Assert.NotEqual(key.Seal("sha256", "00ff"), AuditKey.Generate(sm2: false).Seal("sha256", "00ff"));
        Assert.Equal(12, key.Fingerprint("13812345678").Length);
        Assert.NotEqual(key.Fingerprint("13812345678"), key.Fingerprint("13812345679"));
    }

    [Fact]
    public void TheNationalSuite_WantsAnSm2Key_AndAnUnknownSuiteIsRefused()
    {
        var p256 = AuditKey.Generate(sm2: false).PrivateKeyPem;
        Assert.Throws<InvalidOperationException>(() => AuditKeyRing.FromConfiguration(Config(("Zhifa:Crypto:Suite", "National"), ("Zhifa:Audit:SigningKey", p256))));
        Assert.Throws<InvalidOperationException>(() => AuditKeyRing.FromConfiguration(Config(("Zhifa:Crypto:Suite", "Quantum"), ("Zhifa:Audit:SigningKey", p256))));
        var national = AuditKeyRing.FromConfiguration(Config(("Zhifa:Crypto:Suite", "national"), ("Zhifa:Audit:SigningKey", AuditKey.Generate(sm2: true).PrivateKeyPem),
            ("Zhifa:Audit:RetiredKeys:0", p256)));
        Assert.Equal("sm3", national.HashAlgorithm);
        Assert.Equal("sm2-sm3", national.Current.SignatureAlgorithm);
        Assert.NotNull(national.Find(AuditKey.FromPem(p256).Id));
        Assert.Equal("sha256", AuditKeyRing.FromConfiguration(Config(("Zhifa:Audit:SigningKey", p256))).HashAlgorithm);
    }

    [Fact]
    public void TheSigningKey_CanComeFromAFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"zhifa-audit-{Guid.NewGuid():N}.pem");
        var key = AuditKey.Generate(sm2: true);
        File.WriteAllText(path, key.PrivateKeyPem);
        try
        {
            var ring = AuditKeyRing.FromConfiguration(Config(("Zhifa:Crypto:Suite", "National"), ("Zhifa:Audit:SigningKey", path)));
            Assert.Equal(key.Id, ring.Current.Id);
            Assert.Equal(path, ring.Source);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
