using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Personnel;
using Zhifa.Core.Personnel.UseCases;
using Zhifa.Web.Common;

namespace Zhifa.Web.Personnel;

public static class PersonnelServices
{
    /// <summary>The development pepper; production sets <c>Zhifa:Security:IdNumberPepper</c> (and keeps it with the backups).</summary>
    private const string DevelopmentPepper = "zhifa-development-pepper-change-me";

    /// <summary>The development SM4 key (hex of "Zhifa-dev-sm4-k1"); production sets Zhifa:Crypto:Sm4Key or Sm4KeyFile (and keeps it with the backups).</summary>
    private const string DevelopmentSm4Key = "5a686966612d6465762d736d342d6b31";

    /// <summary>
    /// ID numbers are written with the configured suite (<c>Zhifa:Crypto:Suite</c>) and read with whatever wrote them. SM4
    /// keys come from outside the database: <c>Zhifa:Crypto:Sm4Key</c> or the file <c>Zhifa:Crypto:Sm4KeyFile</c> (hex, the
    /// current key first, earlier ones after it). The National suite without a key stops the start, except in Development
    /// and Testing, which use a development key and say so.
    /// </summary>
    private static void AddIdNumberProtection(IServiceCollection services, IConfiguration config, IHostEnvironment environment)
    {
        var suite = CryptoSettings.ParseSuite(config[CryptoSettings.Suite]);
        var keys = Sm4Keys(config);
        if (keys is null && (environment.IsDevelopment() || environment.IsEnvironment("Testing")))
        {
            keys = Sm4KeyRing.Parse(DevelopmentSm4Key, "the development SM4 key");
            if (suite == CryptoSuite.National)
                services.AddHostedService<DevelopmentSm4KeyWarning>();
        }
        if (keys is null && suite == CryptoSuite.National)
        {
            throw new InvalidOperationException($"{CryptoSettings.Suite} is National: set {CryptoSettings.Sm4Key} (32 hex digits, e.g. from "
                + $"`openssl rand -hex 16`) or {CryptoSettings.Sm4KeyFile} (a file holding it). Keep the key with the backups: without it the ID numbers cannot be read.");
        }
        if (keys is not null)
            services.AddSingleton(new Sm4IdNumberProtector(keys));
        services.AddScoped<DataProtectionIdNumberProtector>();
        services.AddScoped<IIdNumberProtector>(sp => new SuiteIdNumberProtector(suite, sp.GetRequiredService<DataProtectionIdNumberProtector>(),
            sp.GetService<Sm4IdNumberProtector>()));
    }

    /// <summary>The configured SM4 keys, or null when none is; a clear error for a missing file or a malformed key.</summary>
    private static Sm4KeyRing? Sm4Keys(IConfiguration config)
    {
        var inline = config[CryptoSettings.Sm4Key];
        var file = config[CryptoSettings.Sm4KeyFile];
        if (!string.IsNullOrWhiteSpace(inline) && !string.IsNullOrWhiteSpace(file))
            throw new InvalidOperationException($"Set {CryptoSettings.Sm4Key} or {CryptoSettings.Sm4KeyFile}, not both.");
        if (!string.IsNullOrWhiteSpace(inline))
            return Sm4KeyRing.Parse(inline, CryptoSettings.Sm4Key);
        if (string.IsNullOrWhiteSpace(file))
            return null;
        if (!File.Exists(file))
            throw new InvalidOperationException($"{CryptoSettings.Sm4KeyFile}: the file {file} does not exist.");
        return Sm4KeyRing.Parse(File.ReadAllText(file), $"{CryptoSettings.Sm4KeyFile} ({file})");
    }

    public static void AddZhifaPersonnel(this IServiceCollection services, IConfiguration config, IHostEnvironment environment)
    {
        var pepper = config["Zhifa:Security:IdNumberPepper"];
        if (string.IsNullOrEmpty(pepper))
        {
            if (environment.IsProduction() && config.GetValue("Zhifa:Security:RequirePepper", false))
                throw new InvalidOperationException("Set Zhifa:Security:IdNumberPepper.");
            pepper = DevelopmentPepper;
        }
        services.AddSingleton(new IdNumberPepper(Encoding.UTF8.GetBytes(pepper)));
        var jobs = new JobOptions();
        config.GetSection(JobOptions.Section).Bind(jobs);
        services.AddSingleton(jobs);
        services.AddZhifaJob<CertificateExpiryJob>();
        if (jobs.Enabled)
            services.AddHostedService<DailyJobs>();
        AddIdNumberProtection(services, config, environment);
        // The key ring lives in the database, beside the ciphertexts it opens. With a certificate configured the
        // keys are stored encrypted with it, so a database dump alone does not reveal ID numbers.
        var protection = services.AddDataProtection().SetApplicationName("Zhifa");
        if (config["Zhifa:Security:KeyCertificate"] is { Length: > 0 } certificatePath)
        {
            var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                certificatePath, config["Zhifa:Security:KeyCertificatePassword"]);
            protection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        else if (environment.IsProduction())
        {
            services.AddHostedService<UnencryptedKeyRingWarning>();
        }
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));
    }
}

/// <summary>ID numbers are stored encrypted with ASP.NET Core data protection (keys in the database, shared by every node) under the Standard suite.</summary>
internal sealed class DataProtectionIdNumberProtector(IDataProtectionProvider provider) : IIdNumberProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("Zhifa.Personnel.IdNumber.v1");

    public string Protect(string idNumber) => _protector.Protect(idNumber);

    public string Unprotect(string protectedIdNumber) => _protector.Unprotect(protectedIdNumber);
}

/// <summary>Keeps the data-protection key ring in the database, so cookies and ID numbers survive restarts and work across nodes.</summary>
internal sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().AsSystem();
        var db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
        return db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().AsSystem();
        var db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
        // Data protection calls this synchronously; the save is quick and happens when a key is created (rarely).
        db.SaveChangesAsync().GetAwaiter().GetResult();
    }
}

/// <summary>Says once at start that the data-protection keys are stored unencrypted, and how to change that.</summary>
internal sealed class UnencryptedKeyRingWarning(ILogger<UnencryptedKeyRingWarning> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        log.LogWarning("The data-protection keys (which encrypt ID numbers) are stored in the database unencrypted. "
            + "Set Zhifa:Security:KeyCertificate (a .pfx file) and Zhifa:Security:KeyCertificatePassword to encrypt them.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Says once at start that ID numbers are encrypted with the development SM4 key, and how to change that.</summary>
internal sealed class DevelopmentSm4KeyWarning(ILogger<DevelopmentSm4KeyWarning> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        log.LogWarning("ID numbers are encrypted with SM4 under the development key, which is public. Set Zhifa:Crypto:Sm4Key or Zhifa:Crypto:Sm4KeyFile.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
