using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Demo;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Personnel;

/// <summary>With a key certificate configured, the data-protection keys that encrypt ID numbers are stored encrypted.</summary>
public abstract class KeyRingTests(string provider)
{
    [Fact]
    public async Task WithAKeyCertificate_TheKeysAreStoredEncrypted_AndIdNumbersStillOpen()
    {
        var pfx = Path.Combine(Path.GetTempPath(), $"zhifa-keys-{Guid.NewGuid():N}.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Zhifa key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "test-pass"));
        }
        try
        {
            using var app = new ZhifaApp(provider, new Dictionary<string, string?>
            {
                ["Zhifa:Security:KeyCertificate"] = pfx,
                ["Zhifa:Security:KeyCertificatePassword"] = "test-pass",
            });
            var (officerId, idNumber) = await PersonnelFlow.RegisterAsync(app, DemoData.Ids.YuanpingMarket);

            await using var scope = app.Scope(out var db);
            var keys = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            });
            // The holder of the permission still reads the full number.
            var full = await app.ApiAs("admin").GetStringAsync($"/api/v1/officers/{officerId}/id-number");
            Assert.Contains(idNumber, full, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(pfx);
        }
    }
}

public sealed class KeyRingTests_Sqlite() : KeyRingTests(TestDatabases.Sqlite);

public sealed class KeyRingTests_Postgres() : KeyRingTests(TestDatabases.Postgres);
