using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Cases.UseCases;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Cases;

/// <summary>
/// A body's settings for its documents (CASEFLOW.md "Numbers"; XZCF-59): the number's prefix, whether it reads 第…号 and
/// its width (原市监罚〔2026〕12号, 原交罚〔2026〕第00012号), and what the decision document tells the party — where to pay,
/// which authority hears a reconsideration and which court a suit. Unset, the prefix comes from the body's name and sector
/// and the authorities from its county.
/// </summary>
public sealed class DocumentSettings : IVersioned
{
    public const int MaxPrefix = 20;
    public const int MaxText = 200;

    private DocumentSettings()
    {
    }

    public DocumentSettings(Guid bodyId) => BodyId = bodyId;

    public Guid BodyId { get; private set; }
    public string? Prefix { get; private set; }
    public bool Ordinal { get; private set; }
    public int Width { get; private set; }
    public string? PaymentBank { get; private set; }
    public string? PaymentAccount { get; private set; }
    public string? ReconsiderationAuthority { get; private set; }
    public string? Court { get; private set; }
    public int Version { get; private set; }

    internal void Set(DocumentSettingsRequest r)
    {
        Prefix = Text(r.Prefix);
        Ordinal = r.Ordinal ?? false;
        Width = r.Width ?? 0;
        PaymentBank = Text(r.PaymentBank);
        PaymentAccount = Text(r.PaymentAccount);
        ReconsiderationAuthority = Text(r.ReconsiderationAuthority);
        Court = Text(r.Court);
    }

    private static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The number as the body writes it: prefix, the kind's word, the year in 〔〕, the serial (第, zero-padded to the width) and 号.</summary>
    public static string Format(string prefix, string word, int year, int serial, bool ordinal, int width) =>
        $"{prefix}{word}〔{year.ToString(CultureInfo.InvariantCulture)}〕{(ordinal ? "第" : "")}{serial.ToString(width > 0 ? "D" + width.ToString(CultureInfo.InvariantCulture) : "D", CultureInfo.InvariantCulture)}号";
}

/// <summary>The editable settings of a body's documents (every field at once; empty resets to the default).</summary>
public sealed record DocumentSettingsRequest(
    [MustSend] [Range(0, int.MaxValue)] int? Version = null, [MaxLength(DocumentSettings.MaxPrefix)] string? Prefix = null, bool? Ordinal = null,
    [Range(0, 8)] int? Width = null, [MaxLength(DocumentSettings.MaxText)] string? PaymentBank = null, [MaxLength(DocumentSettings.MaxText)] string? PaymentAccount = null,
    [MaxLength(DocumentSettings.MaxText)] string? ReconsiderationAuthority = null, [MaxLength(DocumentSettings.MaxText)] string? Court = null);

/// <summary>A body's document settings as they apply: what is set, and the defaults for the rest.</summary>
public sealed record DocumentSettingsView(Guid BodyId, string BodyName, string Prefix, bool Ordinal, int Width, string? PaymentBank, string? PaymentAccount,
    string ReconsiderationAuthority, string Court, string Example, int Version);

internal sealed class DocumentSettingsConfiguration : IEntityTypeConfiguration<DocumentSettings>
{
    public void Configure(EntityTypeBuilder<DocumentSettings> builder)
    {
        builder.ToTable("DocumentSettings");
        builder.HasKey(s => s.BodyId);
        builder.Property(s => s.BodyId).ValueGeneratedNever();
        builder.Property(s => s.Prefix).HasMaxLength(DocumentSettings.MaxPrefix);
        builder.Property(s => s.PaymentBank).HasMaxLength(DocumentSettings.MaxText);
        builder.Property(s => s.PaymentAccount).HasMaxLength(DocumentSettings.MaxText);
        builder.Property(s => s.ReconsiderationAuthority).HasMaxLength(DocumentSettings.MaxText);
        builder.Property(s => s.Court).HasMaxLength(DocumentSettings.MaxText);
    }
}

/// <summary>Reads and edits a body's document settings: read by whoever reads the body's cases, edited by its head or an administrator.</summary>
public sealed class DocumentSettingsDesk(ZhifaDbContext db)
{
    public async Task<Result<DocumentSettingsView>> GetAsync(Guid bodyId, CancellationToken ct = default)
    {
        var body = await db.ActOnAsync(db.Bodies.AsNoTracking(), bodyId, CasePermissions.Read, ct);
        if (body is null)
            return CaseErrors.BodyNotFound();
        return await ViewAsync(body, await db.Set<DocumentSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.BodyId == bodyId, ct), ct);
    }

    public async Task<Result<DocumentSettingsView>> SetAsync(Guid bodyId, DocumentSettingsRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await db.ActOnAsync(db.Bodies.AsNoTracking(), bodyId, CasePermissions.ConfigureDocuments, ct);
        if (body is null)
            return CaseErrors.BodyNotFound();
        var settings = await db.Set<DocumentSettings>().FirstOrDefaultAsync(s => s.BodyId == bodyId, ct);
        if (settings is null)
            db.Set<DocumentSettings>().Add(settings = new DocumentSettings(bodyId));
        else if (request.Version is { } v && v != settings.Version)
            return CommonErrors.StaleVersion();
        settings.Set(request);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(body, settings, ct);
    }

    private async Task<DocumentSettingsView> ViewAsync(EnforcementBody body, DocumentSettings? s, CancellationToken ct)
    {
        var county = await db.Organizations.Unscoped("the name of a body's region is public").Where(o => o.Id == body.RegionId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";
        var prefix = s?.Prefix ?? CaseNumbering.Prefix(body.Name, body.Sector);
        return new DocumentSettingsView(body.Id, body.Name, prefix, s?.Ordinal ?? false, s?.Width ?? 0, s?.PaymentBank, s?.PaymentAccount,
            s?.ReconsiderationAuthority ?? county + "人民政府", s?.Court ?? county + "人民法院",
            DocumentSettings.Format(prefix, "罚", 2026, 12, s?.Ordinal ?? false, s?.Width ?? 0), s?.Version ?? 0);
    }
}
