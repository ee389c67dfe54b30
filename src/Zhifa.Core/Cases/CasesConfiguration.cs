using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Data;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Cases;

internal sealed class PenaltyCaseConfiguration : IEntityTypeConfiguration<PenaltyCase>
{
    public void Configure(EntityTypeBuilder<PenaltyCase> builder)
    {
        builder.ToTable("Cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.PartyName).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Title).HasMaxLength(PenaltyCase.MaxTitle).IsRequired();
        builder.Property(c => c.Facts).HasMaxLength(PenaltyCase.MaxText).IsRequired();
        builder.Property(c => c.CaseNumber).HasMaxLength(60);
        builder.Property(c => c.DecisionNumber).HasMaxLength(60);
        builder.Property(c => c.OnSpotFormNumber).HasMaxLength(60);
        builder.Property(c => c.Explanation).HasMaxLength(PenaltyCase.MaxText);
        builder.Property(c => c.NoPenaltyReason).HasMaxLength(PenaltyCase.MaxText);
        builder.Property(c => c.ClosingReason).HasMaxLength(PenaltyCase.MaxText);
        foreach (var money in new[] { "ProposedFine", "IllegalGain", "GoodsValue", "BaseAmount", "Quantity", "NoticedFine", "DecidedFine", "Paid", "CashPending", "InstalmentBase" })
            builder.Property(money).HasPrecision(18, 2);
        builder.PrimitiveCollection(c => c.ProposedKinds).ElementType().HasConversion<string>();
        builder.PrimitiveCollection(c => c.NoticedKinds).ElementType().HasConversion<string>();
        builder.PrimitiveCollection(c => c.DecidedKinds).ElementType().HasConversion<string>();
        builder.PrimitiveCollection(c => c.DeviationReasons);
        builder.Property(c => c.SurchargeStops).IsJson();
        builder.Property(c => c.Instalments).IsJson();
        builder.Ignore(c => c.Outstanding);
        builder.Ignore(c => c.RunningStop);
        builder.Ignore(c => c.MeasureInForce);
        builder.Ignore(c => c.MeasureApproved);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.BodyId).OnDelete(DeleteBehavior.Restrict);
        // A number is issued once per body: the database refuses a second case with it, whatever the code does.
        builder.HasIndex(c => new { c.BodyId, c.CaseNumber }).IsUnique();
        builder.HasIndex(c => new { c.BodyId, c.DecisionNumber }).IsUnique();
        builder.HasIndex(c => new { c.BodyId, c.OnSpotFormNumber }).IsUnique();
        // Lists: a body's cases newest first, by state, by party; keyset on (RegisteredOn, Id).
        builder.HasIndex(c => new { c.BodyId, c.RegisteredOn, c.Id });
        builder.HasIndex(c => new { c.BodyId, c.State, c.RegisteredOn });
        // A scope of many bodies (a supervisor's region) reads the newest cases of all of them in one walk of this index,
        // checking the body and the state from the index alone; the first page and a cursor's page read about a page of it.
        builder.HasIndex(c => new { c.RegisteredOn, c.Id, c.BodyId, c.State });
        // The list's other sorts (party, number, state), each with the tie-breaker and the body: a page of a many-body
        // scope in that order is one walk of its index instead of a sort of every case in scope.
        builder.HasIndex(c => new { c.PartyName, c.Id, c.BodyId });
        builder.HasIndex(c => new { c.CaseNumber, c.Id, c.BodyId });
        builder.HasIndex(c => new { c.State, c.Id, c.BodyId });
        builder.HasIndex(c => new { c.PartyId, c.RegisteredOn });
        builder.HasIndex(c => c.RegisteredById);
        builder.HasMany(c => c.Officers).WithOne().HasForeignKey(o => o.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Stops).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Deadlines).WithOne().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Payments).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Measures).WithOne().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseMeasureConfiguration : IEntityTypeConfiguration<CaseMeasure>
{
    public void Configure(EntityTypeBuilder<CaseMeasure> builder)
    {
        builder.ToTable("CaseMeasures");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Items).HasMaxLength(CaseMeasure.MaxItems).IsRequired();
        builder.HasIndex(m => m.CaseId);
    }
}

internal sealed class CaseOfficerConfiguration : IEntityTypeConfiguration<CaseOfficer>
{
    public void Configure(EntityTypeBuilder<CaseOfficer> builder)
    {
        builder.ToTable("CaseOfficers");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Name).HasMaxLength(100).IsRequired();
        builder.HasIndex(o => new { o.OfficerId, o.CaseId });
        builder.HasIndex(o => new { o.CaseId, o.OfficerId }).IsUnique();
    }
}

internal sealed class CaseClockStopConfiguration : IEntityTypeConfiguration<CaseClockStop>
{
    public void Configure(EntityTypeBuilder<CaseClockStop> builder)
    {
        builder.ToTable("CaseClockStops");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Note).HasMaxLength(PenaltyCase.MaxText);
        builder.HasIndex(s => s.CaseId);
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.ToTable("CaseEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ActorName).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Note).HasMaxLength(PenaltyCase.MaxText);
        builder.Property(e => e.DocumentNumber).HasMaxLength(60);
        builder.HasIndex(e => new { e.CaseId, e.At });
        builder.HasIndex(e => new { e.ActorId, e.At });
    }
}

internal sealed class CasePaymentConfiguration : IEntityTypeConfiguration<CasePayment>
{
    public void Configure(EntityTypeBuilder<CasePayment> builder)
    {
        builder.ToTable("CasePayments");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Amount).HasPrecision(18, 2);
        builder.Property(p => p.Reference).HasMaxLength(100);
        builder.HasIndex(p => p.CaseId);
    }
}

internal sealed class CaseDeadlineConfiguration : IEntityTypeConfiguration<CaseDeadline>
{
    public void Configure(EntityTypeBuilder<CaseDeadline> builder)
    {
        builder.ToTable("CaseDeadlines");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.RuleId).HasMaxLength(20).IsRequired();
        // "Due within N working days" and "overdue": open rows by due date, for a body or everywhere (the daily job).
        builder.HasIndex(d => new { d.Status, d.DueOn });
        builder.HasIndex(d => new { d.BodyId, d.Status, d.DueOn });
        builder.HasIndex(d => new { d.CaseId, d.Kind });
        // The open clocks of a case (its next deadline in a list; "is it due soon / overdue" for each case a list walks):
        // a small index of the open rows only, read without the table.
        builder.HasIndex(d => new { d.CaseId, d.DueOn }).HasFilter("\"Status\" = 'Open'").HasDatabaseName("IX_CaseDeadlines_Open_CaseId_DueOn");
        // The open clocks of the scope's bodies by due date with their case: the due-soon and overdue views count from them (index only).
        builder.HasIndex(d => new { d.BodyId, d.DueOn, d.CaseId }).HasFilter("\"Status\" = 'Open'").HasDatabaseName("IX_CaseDeadlines_Open_BodyId_DueOn_CaseId");
        // The clocks the daily job has still to mark (overdue, or due soon), by due date: at province scale most open clocks
        // are marked overdue already, and reading past them through (Status, DueOn) took the job 16 s a batch at 10,000,000 cases.
        builder.HasIndex(d => new { d.DueOn, d.Id }).HasFilter("\"Status\" = 'Open' AND \"OverdueSince\" IS NULL").HasDatabaseName("IX_CaseDeadlines_Unmarked_DueOn_Id");
    }
}

internal sealed class CaseNumberSequenceConfiguration : IEntityTypeConfiguration<CaseNumberSequence>
{
    public void Configure(EntityTypeBuilder<CaseNumberSequence> builder)
    {
        builder.ToTable("CaseNumberSequences");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(80);
    }
}

/// <summary>
/// The last number issued for a body, year and kind of document (立, 罚, 当场): the row that numbering increments
/// atomically inside the transaction that saves the step, so numbers are gap-free and never issued twice.
/// </summary>
public sealed class CaseNumberSequence : Zhifa.Core.Modules.INotAudited
{
    public string Key { get; set; } = "";
    public int Last { get; set; }
}
