using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Cases;

/// <summary>
/// The party's 送达地址确认书 for a case: where documents are served — a postal address, a mobile number, an e-mail —
/// and whether the party consents to electronic service (XZCF-61), as signed on a day. One per case, edited when the party
/// confirms again; electronic service is allowed only while it records the consent.
/// </summary>
public sealed partial class ServiceAddress : IVersioned
{
    public const int MaxAddress = 200;
    public const int MaxEmail = 100;
    public const int MaxPhone = 20;

    private ServiceAddress()
    {
    }

    public ServiceAddress(Guid caseId, Guid bodyId)
    {
        CaseId = caseId;
        BodyId = bodyId;
    }

    public Guid CaseId { get; private set; }
    public Guid BodyId { get; private set; }
    public string? Address { get; private set; }

    [Sensitive(Sensitivity.Phone)]
    public string? Phone { get; private set; }

    [Sensitive(Sensitivity.PersonalData)]
    public string? Email { get; private set; }

    public bool ElectronicConsent { get; private set; }
    public DateOnly SignedOn { get; private set; }
    public Guid? RecordedById { get; private set; }
    public string RecordedByName { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }
    public int Version { get; private set; }

    internal void Set(ServiceAddressRequest r, DateTime at, Guid? byId, string byName)
    {
        Address = Text(r.Address);
        Phone = Text(r.Phone);
        Email = Text(r.Email);
        ElectronicConsent = r.ElectronicConsent ?? false;
        SignedOn = r.SignedOn!.Value;
        RecordedAt = at;
        RecordedById = byId;
        RecordedByName = byName;
    }

    private static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Checks a confirmation: the day signed, somewhere to serve, and an electronic address for electronic consent.</summary>
    internal static ValidationError? Check(ServiceAddressRequest r, DateOnly today)
    {
        var errors = new ValidationBuilder();
        if (r.SignedOn is null)
            errors.Add(CommonErrors.FieldRequired("signedOn"));
        else if (r.SignedOn > today)
            errors.Add(CaseErrors.DayInFuture("signedOn"));
        if (string.IsNullOrWhiteSpace(r.Address) && string.IsNullOrWhiteSpace(r.Phone) && string.IsNullOrWhiteSpace(r.Email))
            errors.Add(CaseErrors.ServiceAddressEmpty());
        if (!string.IsNullOrWhiteSpace(r.Phone) && !PhonePattern().IsMatch(r.Phone.Trim()))
            errors.Add(CaseErrors.PhoneUnreadable());
        if (!string.IsNullOrWhiteSpace(r.Email) && !EmailPattern().IsMatch(r.Email.Trim()))
            errors.Add(CaseErrors.EmailUnreadable());
        if (r.ElectronicConsent == true && string.IsNullOrWhiteSpace(r.Phone) && string.IsNullOrWhiteSpace(r.Email))
            errors.Add(CaseErrors.ElectronicAddressMissing());
        return errors.Build();
    }

    [GeneratedRegex(@"^\+?[0-9][0-9\- ]{5,18}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}

/// <summary>The party's confirmation as the officer records it (every field at once).</summary>
public sealed record ServiceAddressRequest(
    [MustSend] [Range(0, int.MaxValue)] int? Version = null, [MaxLength(ServiceAddress.MaxAddress)] string? Address = null, [MaxLength(ServiceAddress.MaxPhone)] string? Phone = null,
    [MaxLength(ServiceAddress.MaxEmail)] string? Email = null, bool? ElectronicConsent = null, DateOnly? SignedOn = null);

/// <summary>A recorded confirmation as pages and the API show it: the mobile number masked (SXZD-MASK).</summary>
public sealed record ServiceAddressView(Guid CaseId, string? Address, string? PhoneMasked, string? Email, bool ElectronicConsent, DateOnly SignedOn,
    string RecordedByName, DateTime RecordedAt, int Version);

internal sealed class ServiceAddressConfiguration : IEntityTypeConfiguration<ServiceAddress>
{
    public void Configure(EntityTypeBuilder<ServiceAddress> builder)
    {
        builder.ToTable("ServiceAddresses");
        builder.HasKey(s => s.CaseId);
        builder.Property(s => s.CaseId).ValueGeneratedNever();
        builder.Property(s => s.Address).HasMaxLength(ServiceAddress.MaxAddress);
        builder.Property(s => s.Phone).HasMaxLength(ServiceAddress.MaxPhone);
        builder.Property(s => s.Email).HasMaxLength(ServiceAddress.MaxEmail);
        builder.Property(s => s.RecordedByName).HasMaxLength(100).IsRequired();
        builder.HasIndex(s => s.BodyId);
    }
}

/// <summary>Records and reads a case's 送达地址确认书: read by whoever reads the case, recorded by its officers.</summary>
public sealed class ServiceAddressDesk(UseCases.CaseContext ctx)
{
    private ZhifaDbContext Db => ctx.Db;

    public async Task<Result<ServiceAddressView>> GetAsync(Guid caseId, CancellationToken ct = default)
    {
        if (await Db.ActOnAsync(Db.Cases.AsNoTracking(), caseId, c => c.BodyId, Db.Organizations, CasePermissions.Read, ct) is null)
            return CaseErrors.CaseNotFound();
        var s = await Db.Set<ServiceAddress>().AsNoTracking().FirstOrDefaultAsync(a => a.CaseId == caseId, ct);
        return s is null ? CaseErrors.ServiceAddressNotFound() : View(s);
    }

    public async Task<Result<ServiceAddressView>> SetAsync(Guid caseId, ServiceAddressRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var c = await Db.ActOnAsync(Db.Cases.AsNoTracking(), caseId, x => x.BodyId, Db.Organizations, CasePermissions.Handle, ct);
        if (c is null)
            return CaseErrors.CaseNotFound();
        if (ServiceAddress.Check(request, ctx.Today) is { } invalid)
            return invalid;
        var s = await Db.Set<ServiceAddress>().FirstOrDefaultAsync(a => a.CaseId == caseId, ct);
        if (s is null)
            Db.Set<ServiceAddress>().Add(s = new ServiceAddress(caseId, c.BodyId));
        else if (request.Version is { } v && v != s.Version)
            return CommonErrors.StaleVersion();
        s.Set(request, ctx.Now, ctx.ActorId, ctx.ActorName);
        await Db.SaveChangesAsync(ct);
        return View(s);
    }

    private static ServiceAddressView View(ServiceAddress s) =>
        new(s.CaseId, s.Address, Masking.Phone(s.Phone), s.Email, s.ElectronicConsent, s.SignedOn, s.RecordedByName, s.RecordedAt, s.Version);
}
