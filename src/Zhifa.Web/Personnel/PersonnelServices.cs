using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhifa.Core.Data;
using Zhifa.Core.Personnel;
using Zhifa.Core.Personnel.UseCases;
using Zhifa.Web.Common;

namespace Zhifa.Web.Personnel;

public static class PersonnelServices
{
    /// <summary>The development pepper; production sets <c>Zhifa:Security:IdNumberPepper</c> (and keeps it with the backups).</summary>
    private const string DevelopmentPepper = "zhifa-development-pepper-change-me";

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
        services.AddScoped<IIdNumberProtector, DataProtectionIdNumberProtector>();
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

/// <summary>ID numbers are stored encrypted with ASP.NET Core data protection (keys in the database, shared by every node).</summary>
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
