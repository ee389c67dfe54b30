using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Common;

namespace Zhifa.Core.Inspections;

/// <summary>Where a draw stands: its inputs and the body's commitment published, then drawn with the bureau's value, or replaced by a re-draw.</summary>
public enum DrawState
{
    Announced,
    Drawn,
    Superseded,
}

/// <summary>Where an inspection of an enterprise stands (涉企检查).</summary>
public enum InspectionState
{
    /// <summary>Planned (by a draw or by an officer), not yet filed.</summary>
    Planned,
    /// <summary>Over the yearly cap (SSJ-FREQ): filed with a reason, waiting for the head's approval.</summary>
    AwaitingApproval,
    /// <summary>Filed (备案) with its code (检查码): may take place.</summary>
    Filed,
    /// <summary>The visit is recorded (现场检查笔录); its result is due for publication (SSJ-PUB).</summary>
    Recorded,
    /// <summary>The result is published.</summary>
    Published,
    /// <summary>Replaced by a re-draw.</summary>
    Cancelled,
}

/// <summary>The result of one inspection item at the visit.</summary>
public enum FindingResult
{
    /// <summary>未发现问题</summary>
    NoProblem,
    /// <summary>发现问题</summary>
    ProblemFound,
    /// <summary>责令改正</summary>
    OrderedToCorrect,
    /// <summary>转为案源</summary>
    Lead,
}

/// <summary>
/// A body's inspection plan for a year (抽查计划): the catalogue's inspection items (检查事项) it covers, the period, the share
/// of subjects drawn per credit grade (SSJ-RATIO, raised for poor grades) and whether the draw decides the subjects or
/// only their order (重点检查事项: every subject is inspected).
/// </summary>
public sealed class InspectionPlan : IVersioned
{
    public const int MaxName = 200;

    private InspectionPlan()
    {
    }

    public InspectionPlan(Guid id, Guid bodyId, int year, string name, DateOnly startsOn, DateOnly endsOn, bool keyItems, IReadOnlyDictionary<string, decimal> ratios,
        IReadOnlyList<Guid> itemIds, DateTime createdAt)
    {
        Id = id;
        BodyId = bodyId;
        Year = year;
        Name = name;
        StartsOn = startsOn;
        EndsOn = endsOn;
        KeyItems = keyItems;
        RatioA = ratios.GetValueOrDefault("A");
        RatioB = ratios.GetValueOrDefault("B");
        RatioC = ratios.GetValueOrDefault("C");
        RatioD = ratios.GetValueOrDefault("D");
        RatioE = ratios.GetValueOrDefault("E");
        RatioUngraded = ratios.GetValueOrDefault("");
        ItemIds = [.. itemIds];
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid BodyId { get; private set; }
    public int Year { get; private set; }
    public string Name { get; private set; } = "";
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public bool KeyItems { get; private set; }
    public decimal RatioA { get; private set; }
    public decimal RatioB { get; private set; }
    public decimal RatioC { get; private set; }
    public decimal RatioD { get; private set; }
    public decimal RatioE { get; private set; }
    public decimal RatioUngraded { get; private set; }
    public List<Guid> ItemIds { get; private set; } = [];
    public DateTime CreatedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>The share drawn per credit grade, "" for subjects without one.</summary>
    public IReadOnlyDictionary<string, decimal> Ratios => new Dictionary<string, decimal>
    {
        ["A"] = RatioA, ["B"] = RatioB, ["C"] = RatioC, ["D"] = RatioD, ["E"] = RatioE, [""] = RatioUngraded,
    };
}

/// <summary>
/// A draw of a plan (SSJ-DRAW). Announced: the two lists as published, the exclusions and the parameters are frozen in
/// <see cref="InputsJson"/> and their hash is published with the commitment to the body's secret. Drawn: the supervising
/// bureau's value given, the secret revealed, the result computed by <see cref="Draws.VerifiableDraw"/> and published
/// with everything needed to re-run it. A re-draw needs a reason; the replaced draw stays visible.
/// </summary>
public sealed class InspectionDraw : IVersioned
{
    public const int MaxReason = 500;
    public const int MaxSupervisorValue = 200;

    private InspectionDraw()
    {
    }

    public InspectionDraw(Guid id, Guid planId, Guid bodyId, int sequence, string inputsJson, string commitment, string subjectsHash, string inspectorsHash,
        string inputsHash, string bodySecret, DateTime announcedAt, string announcedByName, string? reason)
    {
        Id = id;
        PlanId = planId;
        BodyId = bodyId;
        Sequence = sequence;
        InputsJson = inputsJson;
        Commitment = commitment;
        SubjectsHash = subjectsHash;
        InspectorsHash = inspectorsHash;
        InputsHash = inputsHash;
        BodySecret = bodySecret;
        AnnouncedAt = announcedAt;
        AnnouncedByName = announcedByName;
        Reason = reason;
    }

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid BodyId { get; private set; }

    /// <summary>1 for the plan's first draw, 2 for its re-draw, …</summary>
    public int Sequence { get; private set; }

    public DrawState State { get; private set; }

    /// <summary>The inputs as announced (lists, exclusions, parameters, the names behind the keys), without the secret.</summary>
    public string InputsJson { get; private set; } = "";

    public string Commitment { get; private set; } = "";
    public string SubjectsHash { get; private set; } = "";
    public string InspectorsHash { get; private set; } = "";
    public string InputsHash { get; private set; } = "";

    /// <summary>The body's secret: never shown before the draw, published with its result (never in the audit trail).</summary>
    [Sensitive(Sensitivity.Secret)]
    public string BodySecret { get; private set; } = "";

    public string? SupervisorValue { get; private set; }
    public string? SupervisorName { get; private set; }
    public string? PublishedJson { get; private set; }
    public string? ResultHash { get; private set; }
    public DateTime AnnouncedAt { get; private set; }
    public string AnnouncedByName { get; private set; } = "";
    public DateTime? DrawnAt { get; private set; }

    /// <summary>Why this draw was made again (a re-draw), and why it was replaced.</summary>
    public string? Reason { get; private set; }

    public string? SupersededReason { get; private set; }
    public DateTime? SupersededAt { get; private set; }
    public int Version { get; private set; }

    internal void Drawn(string supervisorValue, string supervisorName, string publishedJson, string resultHash, DateTime at)
    {
        SupervisorValue = supervisorValue;
        SupervisorName = supervisorName;
        PublishedJson = publishedJson;
        ResultHash = resultHash;
        DrawnAt = at;
        State = DrawState.Drawn;
    }

    internal void Supersede(string reason, DateTime at)
    {
        State = DrawState.Superseded;
        SupersededReason = reason;
        SupersededAt = at;
    }
}

/// <summary>
/// An inspection of an enterprise (涉企检查): planned by a draw or by an officer, filed before it happens with its code
/// (检查码), visited and recorded (现场检查笔录) with a result per item, published within 20 working days (SSJ-PUB).
/// Tasks of several bodies merged into one visit (综合查一次) share <see cref="JointGroupId"/> and the lead body's code.
/// </summary>
public sealed class InspectionTask : IVersioned, IEntityWithId
{
    public const int MaxText = 4000;
    public const int MaxReason = 500;
    public const int CodeLength = 8;

    private InspectionTask()
    {
    }

    public InspectionTask(Guid id, Guid bodyId, string bodyName, Guid? planId, Guid? drawId, Guid partyId, string partyName, string? partyCode, bool partyIsPerson,
        DateOnly plannedOn, DateTime createdAt, string createdByName)
    {
        Id = id;
        BodyId = bodyId;
        BodyName = bodyName;
        PlanId = planId;
        DrawId = drawId;
        PartyId = partyId;
        PartyName = partyName;
        PartyCode = partyCode;
        PartyIsPerson = partyIsPerson;
        PlannedOn = plannedOn;
        CreatedAt = createdAt;
        CreatedByName = createdByName;
    }

    public Guid Id { get; private set; }
    public Guid BodyId { get; private set; }
    public string BodyName { get; private set; } = "";
    public Guid? PlanId { get; private set; }
    public Guid? DrawId { get; private set; }
    public Guid PartyId { get; private set; }
    public string PartyName { get; private set; } = "";
    public string? PartyCode { get; private set; }

    /// <summary>A natural person: the name is masked wherever the result is published (SXZD-MASK).</summary>
    public bool PartyIsPerson { get; private set; }

    public InspectionState State { get; internal set; }
    public DateOnly PlannedOn { get; internal set; }
    public DateTime CreatedAt { get; private set; }
    public string CreatedByName { get; private set; } = "";

    /// <summary>The code the enterprise scans (检查码): issued at filing, unique.</summary>
    public string? Code { get; internal set; }

    public DateTime? FiledAt { get; internal set; }
    public string? FiledByName { get; internal set; }

    /// <summary>SSJ-FREQ: a visit within 30 days of another of the same enterprise (a warning, kept).</summary>
    public bool RepeatWithin30Days { get; internal set; }

    /// <summary>SSJ-FREQ: the visit is over the yearly cap: why, and who approved it.</summary>
    public string? OverCapReason { get; internal set; }

    public string? OverCapApprovedByName { get; internal set; }
    public DateTime? OverCapApprovedAt { get; internal set; }

    public DateOnly? VisitedOn { get; internal set; }
    public string? Record { get; internal set; }
    public string? Signatures { get; internal set; }
    public DateTime? RecordedAt { get; internal set; }
    public string? RecordedByName { get; internal set; }

    /// <summary>The visit was recorded without a filed code: flagged to the supervisor.</summary>
    public bool VisitedUnfiled { get; internal set; }

    /// <summary>SSJ-PUB: the result's publication is due (20 working days after the visit).</summary>
    public DateOnly? PublishDueOn { get; internal set; }

    public DateTime? PublishedAt { get; internal set; }

    /// <summary>The day the inspectors were told the publication falls due soon, and the day it was marked overdue (SSJ-PUB; each told once).</summary>
    public DateOnly? PublishRemindedOn { get; internal set; }
    public DateOnly? PublishOverdueSince { get; internal set; }
    public bool PublishedLate { get; internal set; }

    public Guid? JointGroupId { get; internal set; }
    public Guid? LeadBodyId { get; internal set; }
    public int Version { get; private set; }

    public List<InspectionOfficer> Officers { get; private set; } = [];
    public List<InspectionItem> Items { get; private set; } = [];
}

/// <summary>An inspector of a task, with the certificate shown to the enterprise (the public verification, XZCF-42).</summary>
public sealed class InspectionOfficer
{
    private InspectionOfficer()
    {
    }

    public InspectionOfficer(Guid taskId, Guid officerId, string name, string? certificateNumber)
    {
        TaskId = taskId;
        OfficerId = officerId;
        Name = name;
        CertificateNumber = certificateNumber;
    }

    public Guid TaskId { get; private set; }
    public Guid OfficerId { get; private set; }
    public string Name { get; private set; } = "";
    public string? CertificateNumber { get; private set; }
}

/// <summary>An inspection item (检查事项) of a task with its legal basis as published, and the visit's finding on it.</summary>
public sealed class InspectionItem
{
    public const int MaxNote = 1000;

    private InspectionItem()
    {
    }

    public InspectionItem(Guid id, Guid taskId, Guid itemId, string code, string name, string basis)
    {
        Id = id;
        TaskId = taskId;
        ItemId = itemId;
        Code = code;
        Name = name;
        Basis = basis;
    }

    public Guid Id { get; private set; }
    public Guid TaskId { get; private set; }
    public Guid ItemId { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Basis { get; private set; } = "";
    public FindingResult? Result { get; internal set; }
    public string? Note { get; internal set; }

    /// <summary>The case the finding became (案源), when it warranted a penalty.</summary>
    public Guid? LeadCaseId { get; internal set; }
}

/// <summary>An inspector's declared relationship with a subject (回避): never drawn for it (SSJ-DRAW).</summary>
public sealed class InspectionConflict
{
    public const int MaxReason = 500;

    private InspectionConflict()
    {
    }

    public InspectionConflict(Guid id, Guid bodyId, Guid officerId, Guid partyId, string reason, DateTime declaredAt, string declaredByName)
    {
        Id = id;
        BodyId = bodyId;
        OfficerId = officerId;
        PartyId = partyId;
        Reason = reason;
        DeclaredAt = declaredAt;
        DeclaredByName = declaredByName;
    }

    public Guid Id { get; private set; }
    public Guid BodyId { get; private set; }
    public Guid OfficerId { get; private set; }
    public Guid PartyId { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTime DeclaredAt { get; private set; }
    public string DeclaredByName { get; private set; } = "";
}

/// <summary>
/// The enterprise's anonymous rating of an inspection: seen by the supervising justice bureau, never by the inspecting body
/// (kept out of the audit trail, which the body reads).
/// </summary>
public sealed class InspectionRating : INotAudited
{
    public const int MaxComment = 500;

    private InspectionRating()
    {
    }

    public InspectionRating(Guid id, Guid taskId, Guid bodyId, int score, string? comment, DateTime at)
    {
        Id = id;
        TaskId = taskId;
        BodyId = bodyId;
        Score = score;
        Comment = comment;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid TaskId { get; private set; }
    public Guid BodyId { get; private set; }
    public int Score { get; private set; }
    public string? Comment { get; private set; }
    public DateTime At { get; private set; }
}

/// <summary>A photo of the visit, kept in the blob store by its SHA-256 (the record's store, content-addressed, never overwritten).</summary>
public sealed class InspectionPhoto
{
    public const int MaxFileName = 255;

    private InspectionPhoto()
    {
    }

    public InspectionPhoto(Guid id, Guid taskId, Guid bodyId, string sha256, string mediaType, long length, string fileName, DateTime uploadedAt, string uploadedByName)
    {
        Id = id;
        TaskId = taskId;
        BodyId = bodyId;
        Sha256 = sha256;
        MediaType = mediaType;
        Length = length;
        FileName = fileName;
        UploadedAt = uploadedAt;
        UploadedByName = uploadedByName;
    }

    public Guid Id { get; private set; }
    public Guid TaskId { get; private set; }
    public Guid BodyId { get; private set; }
    public string Sha256 { get; private set; } = "";
    public string MediaType { get; private set; } = "";
    public long Length { get; private set; }
    public string FileName { get; private set; } = "";
    public DateTime UploadedAt { get; private set; }
    public string UploadedByName { get; private set; } = "";
}

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<InspectionPhoto>,
    IEntityTypeConfiguration<InspectionPlan>, IEntityTypeConfiguration<InspectionDraw>, IEntityTypeConfiguration<InspectionTask>,
    IEntityTypeConfiguration<InspectionOfficer>, IEntityTypeConfiguration<InspectionItem>, IEntityTypeConfiguration<InspectionConflict>,
    IEntityTypeConfiguration<InspectionRating>
{
    public void Configure(EntityTypeBuilder<InspectionPlan> b)
    {
        b.ToTable("InspectionPlans");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Name).HasMaxLength(InspectionPlan.MaxName);
        foreach (var ratio in new[] { nameof(InspectionPlan.RatioA), nameof(InspectionPlan.RatioB), nameof(InspectionPlan.RatioC), nameof(InspectionPlan.RatioD), nameof(InspectionPlan.RatioE),
            nameof(InspectionPlan.RatioUngraded) })
            b.Property<decimal>(ratio).HasPrecision(9, 6);
        b.Ignore(p => p.Ratios);
        b.HasIndex(p => new { p.BodyId, p.Year });
    }

    public void Configure(EntityTypeBuilder<InspectionDraw> b)
    {
        b.ToTable("InspectionDraws");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Commitment).HasMaxLength(64);
        b.Property(d => d.SubjectsHash).HasMaxLength(64);
        b.Property(d => d.InspectorsHash).HasMaxLength(64);
        b.Property(d => d.InputsHash).HasMaxLength(64);
        b.Property(d => d.ResultHash).HasMaxLength(64);
        b.Property(d => d.BodySecret).HasMaxLength(128);
        b.Property(d => d.SupervisorValue).HasMaxLength(InspectionDraw.MaxSupervisorValue);
        b.Property(d => d.SupervisorName).HasMaxLength(100);
        b.Property(d => d.AnnouncedByName).HasMaxLength(100);
        b.Property(d => d.Reason).HasMaxLength(InspectionDraw.MaxReason);
        b.Property(d => d.SupersededReason).HasMaxLength(InspectionDraw.MaxReason);
        b.HasIndex(d => new { d.PlanId, d.Sequence }).IsUnique();
        b.HasIndex(d => d.BodyId);
    }

    public void Configure(EntityTypeBuilder<InspectionTask> b)
    {
        b.ToTable("InspectionTasks");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.State).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.BodyName).HasMaxLength(200);
        b.Property(t => t.PartyName).HasMaxLength(200);
        b.Property(t => t.PartyCode).HasMaxLength(18);
        b.Property(t => t.CreatedByName).HasMaxLength(100);
        b.Property(t => t.FiledByName).HasMaxLength(100);
        b.Property(t => t.RecordedByName).HasMaxLength(100);
        b.Property(t => t.OverCapApprovedByName).HasMaxLength(100);
        b.Property(t => t.Code).HasMaxLength(InspectionTask.CodeLength);
        b.Property(t => t.OverCapReason).HasMaxLength(InspectionTask.MaxReason);
        b.Property(t => t.Record).HasMaxLength(InspectionTask.MaxText);
        b.Property(t => t.Signatures).HasMaxLength(InspectionTask.MaxReason);
        b.HasIndex(t => t.Code).IsUnique();
        b.HasIndex(t => new { t.PartyId, t.PlannedOn });
        b.HasIndex(t => new { t.BodyId, t.State, t.PlannedOn });
        b.HasIndex(t => new { t.State, t.PublishDueOn });
        b.HasIndex(t => t.DrawId);
        b.HasIndex(t => t.JointGroupId);
        b.HasMany(t => t.Officers).WithOne().HasForeignKey(o => o.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.Items).WithOne().HasForeignKey(i => i.TaskId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<InspectionOfficer> b)
    {
        b.ToTable("InspectionOfficers");
        b.HasKey(o => new { o.TaskId, o.OfficerId });
        b.Property(o => o.Name).HasMaxLength(100);
        b.Property(o => o.CertificateNumber).HasMaxLength(40);
    }

    public void Configure(EntityTypeBuilder<InspectionItem> b)
    {
        b.ToTable("InspectionItems");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.Code).HasMaxLength(40);
        b.Property(i => i.Name).HasMaxLength(300);
        b.Property(i => i.Basis).HasMaxLength(2000);
        b.Property(i => i.Result).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Note).HasMaxLength(InspectionItem.MaxNote);
        b.HasIndex(i => new { i.TaskId, i.ItemId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<InspectionConflict> b)
    {
        b.ToTable("InspectionConflicts");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Reason).HasMaxLength(InspectionConflict.MaxReason);
        b.Property(c => c.DeclaredByName).HasMaxLength(100);
        b.HasIndex(c => new { c.OfficerId, c.PartyId }).IsUnique();
        b.HasIndex(c => c.BodyId);
    }

    public void Configure(EntityTypeBuilder<InspectionPhoto> b)
    {
        b.ToTable("InspectionPhotos");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Sha256).HasMaxLength(64);
        b.Property(p => p.MediaType).HasMaxLength(100);
        b.Property(p => p.FileName).HasMaxLength(InspectionPhoto.MaxFileName);
        b.Property(p => p.UploadedByName).HasMaxLength(100);
        b.HasIndex(p => new { p.TaskId, p.Sha256 }).IsUnique();
        b.HasIndex(p => p.BodyId);
    }

    public void Configure(EntityTypeBuilder<InspectionRating> b)
    {
        b.ToTable("InspectionRatings");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Comment).HasMaxLength(InspectionRating.MaxComment);
        b.HasIndex(r => r.TaskId).IsUnique();
        b.HasIndex(r => r.BodyId);
    }
}
