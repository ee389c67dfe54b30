using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Calendar;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Organizations;
using Zhifa.Core.Personnel;
using Zhifa.Core.Personnel.UseCases;

namespace Zhifa.Core.Cases.UseCases;

/// <summary>What the case use cases share: the day, the calendar and the sector's rules, the team's eligibility, numbering.</summary>
public sealed class CaseContext(ZhifaDbContext db, TimeProvider clock, IStatutoryCalendarSource calendar, CaseRuleBook rules, PersonnelQueries personnel)
{
    public ZhifaDbContext Db => db;
    public DateOnly Today => clock.Today();
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public Guid? ActorId => db.Actor.UserId;
    public string ActorName => db.Actor.Access?.FullName ?? db.Actor.ActorName;

    public async Task<Sector> SectorOfAsync(Guid bodyId, CancellationToken ct) =>
        await db.Bodies.Unscoped("a body's sector decides which rules apply to its cases").Where(b => b.Id == bodyId).Select(b => b.Sector).FirstOrDefaultAsync(ct);

    public async Task<CaseStepContext> StepContextAsync(Guid bodyId, IReadOnlyList<TeamMember>? team, bool legallyQualified, ProposalCheck? check, CancellationToken ct)
    {
        var sector = await SectorOfAsync(bodyId, ct);
        return new CaseStepContext(Today, Now, await calendar.GetAsync(ct), rules.For(sector), ActorId, ActorName, team, legallyQualified, check);
    }

    /// <summary>The province's rules (for lists across sectors: "due soon").</summary>
    public CaseRules DefaultRules => rules.Default;

    public async Task<CaseRules> RulesForAsync(Guid bodyId, CancellationToken ct) => rules.For(await SectorOfAsync(bodyId, ct));

    public Task<StatutoryCalendar> CalendarAsync(CancellationToken ct) => calendar.GetAsync(ct);

    /// <summary>
    /// Each named officer and whether they may act for the body in its sector on <paramref name="on"/> (XZCF-42 through the
    /// personnel eligibility service); null when an id is no officer the caller sees.
    /// </summary>
    public async Task<IReadOnlyList<TeamMember>?> TeamAsync(IEnumerable<Guid> officerIds, Guid bodyId, DateOnly on, CancellationToken ct)
    {
        var sector = await SectorOfAsync(bodyId, ct);
        List<TeamMember> team = [];
        foreach (var id in officerIds.Distinct())
        {
            var officer = await personnel.OfficerAsync(id, ct);
            if (!officer.IsSuccess)
                return null;
            var verdict = await personnel.EligibilityAsync(id, bodyId, sector, on, ct);
            if (!verdict.IsSuccess)
                return null;
            team.Add(new TeamMember(id, officer.Value.Officer.FullName, verdict.Value.Allowed, verdict.Value.RuleId, verdict.Value.ReasonCode));
        }
        return team;
    }

    /// <summary>Whether the caller is an officer with legal professional qualification (XZCF-58's first-time reviewer).</summary>
    public async Task<bool> ActorLegallyQualifiedAsync(CancellationToken ct)
    {
        if (db.Actor.Access?.OfficerId is not { } officerId)
            return false;
        var officer = await personnel.OfficerAsync(officerId, ct);
        return officer.IsSuccess && officer.Value.Officer.HasLegalQualification;
    }

    /// <summary>
    /// The next number of a <paramref name="kind"/> of document for the body in <paramref name="year"/>, in the body's style
    /// with its word for the kind ("原市监立〔2026〕12号"): incremented in the database inside the open transaction, so two
    /// documents issued at once wait for each other and never get the same number, and a rolled-back step leaves no gap.
    /// The sequence is the word's, so a body that renames a word starts that word's count afresh and two kinds never share one.
    /// </summary>
    public async Task<string> NextNumberAsync(Guid bodyId, DocumentKind kind, int year, CancellationToken ct)
    {
        var body = await db.Bodies.Unscoped("a body's name is public and makes its numbers").Where(b => b.Id == bodyId).Select(b => new { b.Name, b.Sector }).FirstAsync(ct);
        var style = await db.Set<DocumentSettings>().Unscoped("the body's own numbering style, for a number it issues").AsNoTracking()
            .Where(s => s.BodyId == bodyId).Select(s => new { s.Prefix, s.Ordinal, s.Width, s.Words }).FirstOrDefaultAsync(ct);
        var word = DocumentNumbering.Word(kind, DocumentNumbering.Parse(style?.Words));
        var key = $"{bodyId:N}:{year}:{word}";
        await db.Database.ExecuteSqlAsync($"INSERT INTO \"CaseNumberSequences\" (\"Key\", \"Last\") VALUES ({key}, 0) ON CONFLICT DO NOTHING", ct);
        var n = (await db.Database.SqlQuery<int>($"UPDATE \"CaseNumberSequences\" SET \"Last\" = \"Last\" + 1 WHERE \"Key\" = {key} RETURNING \"Last\" AS \"Value\"").ToListAsync(ct)).Single();
        return DocumentSettings.Format(style?.Prefix ?? CaseNumbering.Prefix(body.Name, body.Sector), word, year, n, style?.Ordinal ?? false, style?.Width ?? 0);
    }
}

/// <summary>How a body's documents are numbered (CASEFLOW.md "Numbers").</summary>
public static class CaseNumbering
{
    /// <summary>
    /// The body's prefix: the first character of its name and its sector's word — 原平市市场监督管理局 → 原市监,
    /// 原平市交通运输局 → 原交.
    /// </summary>
    public static string Prefix(string bodyName, Sector sector)
    {
        ArgumentNullException.ThrowIfNull(bodyName);
        var word = sector switch
        {
            Sector.MarketRegulation => "市监",
            Sector.Transport => "交",
            Sector.EcologyEnvironment => "环",
            Sector.NaturalResources => "自然资",
            Sector.EmergencyManagement => "应急",
            Sector.ComprehensiveEnforcement => "综执",
            _ => "",
        };
        return (bodyName.Length > 0 ? bodyName[..1] : "") + word;
    }
}
