using System.Security.Cryptography;
using Zhifa.Core.Common;
using Zhifa.Core.Personnel;

namespace Zhifa.Tests.Personnel;

/// <summary>SM4 (GB/T 32907-2016), SM4-GCM (RFC 8998) and ID numbers encrypted with them.</summary>
public class Sm4Tests
{
    private const string KeyA = "0123456789abcdeffedcba9876543210";
    private const string KeyB = "8f3a2b1c4d5e6f708192a3b4c5d6e7f8";

    private static Sm4IdNumberProtector Protector(string keys) => new(Sm4KeyRing.Parse(keys, "test"));

    [Fact]
    public void Sm4_EncryptsTheStandardsExample()
    {
        // GB/T 32907-2016, appendix A, example 1: key = plaintext.
        var key = Convert.FromHexString("0123456789abcdeffedcba9876543210");

        var cipher = Sm4.EncryptBlock(key, key);

        Assert.Equal("681edf34d206965e86b3e94f536e4246", Convert.ToHexStringLower(cipher));
    }

    [Fact]
    public void Sm4_EncryptsTheStandardsExampleAMillionTimes()
    {
        // GB/T 32907-2016, appendix A, example 2: the same plaintext encrypted 1,000,000 times with the same key. The
        // engine Sm4 uses, keyed once (Sm4.EncryptBlock keys it on every call; example 1 checks that path).
        var key = Convert.FromHexString("0123456789abcdeffedcba9876543210");
        var engine = new Org.BouncyCastle.Crypto.Engines.SM4Engine();
        engine.Init(true, new Org.BouncyCastle.Crypto.Parameters.KeyParameter(key));
        var block = key.ToArray();
        for (var i = 0; i < 1_000_000; i++)
            engine.ProcessBlock(block, 0, block, 0);

        Assert.Equal("595298c7c6fd271f0402f804c33d3f66", Convert.ToHexStringLower(block));
    }

    [Fact]
    public void Sm4Gcm_SealsAndOpensTheRfc8998Example()
    {
        // RFC 8998, appendix A.1 (SM4-GCM).
        var key = Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210");
        var nonce = Convert.FromHexString("00001234567800000000ABCD");
        var aad = Convert.FromHexString("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
        var plain = Convert.FromHexString("AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDDEEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA");

        var sealedData = Sm4.GcmSeal(key, nonce, plain, aad);

        Assert.Equal("17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D"
            + "83DE3541E4C2B58177E065A9BF7B62EC", Convert.ToHexString(sealedData));
        Assert.Equal(plain, Sm4.GcmOpen(key, nonce, sealedData, aad));
        Assert.Throws<CryptographicException>(() => Sm4.GcmOpen(key, nonce, sealedData, aad[..^1]));
    }

    [Fact]
    public void AnIdNumber_RoundTrips_WithTheKeyIdInItsHeader_AndANewNonceEachTime()
    {
        var protector = Protector(KeyA);

        var first = protector.Protect(Fixtures.ValidId);
        var second = protector.Protect(Fixtures.ValidId);

        Assert.StartsWith($"sm4:1:{Sm4.KeyId(Convert.FromHexString(KeyA))}:", first, StringComparison.Ordinal);
        Assert.Equal(8, Sm4.KeyId(Convert.FromHexString(KeyA)).Length);
        Assert.DoesNotContain(Fixtures.ValidId, first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.Equal(Fixtures.ValidId, protector.Unprotect(first));
        Assert.Equal(Fixtures.ValidId, protector.Unprotect(second));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(45)]
    public void ATamperedValue_IsRefused(int byteToFlip)
    {
        var protector = Protector(KeyA);
        var stored = protector.Protect(Fixtures.ValidId);
        var header = stored[..(stored.LastIndexOf(':') + 1)];
        var payload = Convert.FromBase64String(stored[header.Length..]);
        Assert.Equal(12 + 18 + 16, payload.Length);
        payload[byteToFlip] ^= 0x01;

        Assert.Throws<CryptographicException>(() => protector.Unprotect(header + Convert.ToBase64String(payload)));
    }

    [Fact]
    public void AValueRelabelledWithAnotherConfiguredKeysId_IsRefused()
    {
        var keyA = Sm4.KeyId(Convert.FromHexString(KeyA));
        var keyB = Sm4.KeyId(Convert.FromHexString(KeyB));
        var both = Protector($"{KeyA},{KeyB}");
        var stored = both.Protect(Fixtures.ValidId);

        Assert.Throws<CryptographicException>(() => both.Unprotect(stored.Replace(keyA, keyB, StringComparison.Ordinal)));
    }

    [Fact]
    public void AfterARotation_OldValuesStillOpen_NewOnesUseTheNewKey_AndAKeyLeftOutIsNamed()
    {
        var before = Protector(KeyA).Protect(Fixtures.ValidId);

        var rotated = Protector($"{KeyB}\n{KeyA}\n");
        var after = rotated.Protect(Fixtures.ValidId);

        Assert.Equal(Fixtures.ValidId, rotated.Unprotect(before));
        Assert.StartsWith($"sm4:1:{Sm4.KeyId(Convert.FromHexString(KeyB))}:", after, StringComparison.Ordinal);
        var missing = Assert.Throws<CryptographicException>(() => Protector(KeyB).Unprotect(before));
        Assert.Contains(Sm4.KeyId(Convert.FromHexString(KeyA)), missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyParsing_NamesEveryBadKey_WithoutShowingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Sm4KeyRing.Parse($"{KeyA[..30]}, {KeyA}, {KeyB}zz", "Zhifa:Crypto:Sm4Key"));

        Assert.Equal("Zhifa:Crypto:Sm4Key: key 1 is not 32 hex digits (30 characters); key 3 is not 32 hex digits (34 characters).", error.Message);
        Assert.Throws<InvalidOperationException>(() => Sm4KeyRing.Parse("  ", "Zhifa:Crypto:Sm4Key"));
        Assert.Throws<InvalidOperationException>(() => Sm4KeyRing.Parse(new string('0', 32), "Zhifa:Crypto:Sm4Key"));
    }

    [Fact]
    public void TheSuite_WritesWithItsOwnAlgorithm_AndReadsBoth()
    {
        var standard = new FakeProtector();
        var sm4 = Protector(KeyA);
        var national = new SuiteIdNumberProtector(CryptoSuite.National, standard, sm4);
        var usual = new SuiteIdNumberProtector(CryptoSuite.Standard, standard, sm4);

        var written = national.Protect(Fixtures.ValidId);
        var writtenUsual = usual.Protect(Fixtures.ValidId);

        Assert.StartsWith("sm4:1:", written, StringComparison.Ordinal);
        Assert.StartsWith("enc:", writtenUsual, StringComparison.Ordinal);
        Assert.Equal(Fixtures.ValidId, usual.Unprotect(written));
        Assert.Equal(Fixtures.ValidId, national.Unprotect(writtenUsual));
        var noKey = Assert.Throws<CryptographicException>(() => new SuiteIdNumberProtector(CryptoSuite.Standard, standard, null).Unprotect(written));
        Assert.Contains("Zhifa:Crypto:Sm4Key", noKey.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, CryptoSuite.Standard)]
    [InlineData("", CryptoSuite.Standard)]
    [InlineData("National", CryptoSuite.National)]
    [InlineData("national", CryptoSuite.National)]
    [InlineData("Standard", CryptoSuite.Standard)]
    public void TheSuiteSetting_IsReadWithoutRegardToCase(string? value, CryptoSuite expected) =>
        Assert.Equal(expected, CryptoSettings.ParseSuite(value));

    [Fact]
    public void AnUnknownSuite_IsAStartUpError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CryptoSettings.ParseSuite("GM"));
        Assert.Contains("'Standard' or 'National'", error.Message, StringComparison.Ordinal);
    }
}
