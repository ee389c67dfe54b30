using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Identity;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Personnel.UseCases;

/// <summary>
/// Excel imports of officers and of training attendance. All or nothing: every row is checked first, and a single wrong
/// cell rejects the file, naming each wrong row and column (every wrong cell of a row, the first
/// <see cref="ImportLimits.MaxErrors"/> of the file with the total). The cost is a fixed number of queries, not one
/// per row: what the rows refer to is looked up by chunks of keys, the rows are checked in memory, and the records are
/// written in batches of <see cref="ImportLimits.BatchSize"/>, one save each, in one transaction.
/// </summary>
public sealed class PersonnelImport(PersonnelContext ctx, ImportLimits limits)
{
    /// <summary>Column titles of the officer sheet (Chinese, with English aliases).</summary>
    public static class OfficerColumns
    {
        public static readonly string[] Name = ["姓名", "FullName"];
        public static readonly string[] IdNumber = ["身份证号", "IdNumber"];
        public static readonly string[] Body = ["执法主体", "Body"];
        public static readonly string[] Unit = ["内设机构", "Unit"];
        public static readonly string[] Post = ["岗位", "Post"];
        public static readonly string[] Legal = ["法律职业资格", "LegalQualification"];
        public static readonly string[] Fields = ["执法领域", "Fields"];
        public static readonly string[] JoinedOn = ["入职日期", "JoinedOn"];
        public static readonly IReadOnlyList<string> Template = ["姓名", "身份证号", "执法主体", "内设机构", "岗位", "法律职业资格", "执法领域", "入职日期"];
    }

    public static class AttendanceColumns
    {
        public static readonly string[] IdNumber = ["身份证号", "IdNumber"];
        public static readonly string[] Hours = ["学时", "Hours"];
        public static readonly IReadOnlyList<string> Template = ["身份证号", "学时"];
    }

    private readonly Data.ZhifaDbContext _db = ctx.Db;

    public async Task<Result<int>> OfficersAsync(IReadOnlyList<ImportRow> rows, IReadOnlyDictionary<string, Sector> sectorNames, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(sectorNames);
        if (rows.Count == 0)
            return PersonnelErrors.ImportEmpty();

        // What the rows refer to, set-based: the bodies the caller may manage, their units, the ID numbers already registered.
        var bodies = (await _db.Bodies.AsNoTracking().Where(b => b.IsActive).ToListAsync(ct))
            .Where(b => _db.Actor.CanIn(PersonnelPermissions.PersonnelManage, b)).ToList();
        var bodiesByName = bodies.GroupBy(b => b.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var bodiesByCode = bodies.Where(b => !string.IsNullOrEmpty(b.CreditCode)).GroupBy(b => b.CreditCode!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var bodyIds = bodies.Select(b => b.Id).ToList();
        var units = (await Batches.ByChunksAsync(bodyIds, chunk => _db.Units.AsNoTracking().Where(u => u.IsActive && u.AgencyId != null && chunk.Contains(u.AgencyId.Value)).ToListAsync(ct)))
            .GroupBy(u => (AgencyId: u.AgencyId!.Value, u.Name)).ToDictionary(g => g.Key, g => g.First());
        var ids = rows.Select(r => StoredIdNumber.Create(r.Get(OfficerColumns.IdNumber), ctx.Today, ctx.Protector, ctx.Pepper)).ToList();
        var taken = (await Batches.ByChunksAsync(ids.Where(i => i.IsSuccess).Select(i => i.Value.Hash), chunk =>
                _db.Officers.Unscoped("ID numbers are unique across the whole database").Where(o => chunk.Contains(o.IdNumberHash)).Select(o => o.IdNumberHash).ToListAsync(ct)))
            .ToHashSet(StringComparer.Ordinal);

        var errors = new ImportErrorList(limits.MaxErrors);
        var officers = new List<Officer>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var before = errors.Total;
            void Fail(string[] column, FieldMessage message) => errors.Add(row.Number, column[0], message);

            var bodyText = row.Get(OfficerColumns.Body);
            var body = bodiesByName.GetValueOrDefault(bodyText) ?? bodiesByCode.GetValueOrDefault(bodyText.ToUpperInvariant());
            if (body is null)
                Fail(OfficerColumns.Body, PersonnelErrors.ImportBodyUnknown(bodyText));
            var unitText = row.Get(OfficerColumns.Unit);
            var unit = unitText.Length == 0 || body is null ? null : units.GetValueOrDefault((body.Id, unitText));
            if (unitText.Length > 0 && body is not null && unit is null)
                Fail(OfficerColumns.Unit, PersonnelErrors.ImportUnitNotInBody());
            var fields = new List<Sector>();
            foreach (var f in row.Get(OfficerColumns.Fields).Split(['、', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (sectorNames.TryGetValue(f, out var sector) || Enum.TryParse(f, true, out sector))
                    fields.Add(sector);
                else
                    Fail(OfficerColumns.Fields, PersonnelErrors.ImportFieldUnknown(f));
            }
            var legalText = row.Get(OfficerColumns.Legal);
            bool? legal = legalText switch { "" or "否" or "无" or "no" or "No" or "false" => false, "是" or "有" or "yes" or "Yes" or "true" => true, _ => null };
            if (legal is null)
                Fail(OfficerColumns.Legal, PersonnelErrors.ImportYesNo());
            var joinedOn = row.Date(out var dateOk, OfficerColumns.JoinedOn);
            if (!dateOk)
                Fail(OfficerColumns.JoinedOn, PersonnelErrors.ImportDateInvalid());
            var profile = OfficerRegistry.Profile(row.Get(OfficerColumns.Name), body?.Id ?? Guid.Empty, unit?.Id, NullIfEmpty(row.Get(OfficerColumns.Post)), legal ?? false, fields);
            if (Officer.CheckProfile(profile) is { } invalid)
                AddDomainErrors(row.Number, invalid, errors);
            var stored = ids[i];
            if (!stored.IsSuccess)
                AddDomainErrors(row.Number, stored.Error, errors);
            else if (!seen.Add(stored.Value.Hash))
                Fail(OfficerColumns.IdNumber, PersonnelErrors.ImportIdNumberRepeated());
            else if (taken.Contains(stored.Value.Hash))
                AddDomainErrors(row.Number, PersonnelErrors.IdNumberDuplicate(), errors);
            if (errors.Total > before)
                continue;

            var officer = Officer.Register(profile, stored.Value, taken.Contains, joinedOn ?? ctx.Today, ctx.ActorId, ctx.Now);
            if (officer.IsSuccess)
                officers.Add(officer.Value);
            else
                AddDomainErrors(row.Number, officer.Error, errors);
        }
        if (!errors.IsEmpty)
            return errors.ToRejected();
        await _db.SaveInBatchesAsync(officers, limits.BatchSize, batch => _db.Officers.AddRange(batch), ct);
        return officers.Count;
    }

    public async Task<Result<int>> AttendanceAsync(Guid sessionId, IReadOnlyList<ImportRow> rows, TrainingDesk desk, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(desk);
        var session = await desk.SessionAsync(sessionId, ct);
        if (session is null)
            return PersonnelErrors.TrainingSessionNotFound();
        if (rows.Count == 0)
            return PersonnelErrors.ImportEmpty();

        // The officers the rows name (through the caller's scope) and their bodies, by chunks of keys; the session's attendance.
        var numbers = rows.Select(r => IdNumber.Normalize(r.Get(AttendanceColumns.IdNumber))).ToList();
        var valid = numbers.Select(n => IdNumber.Check(n, ctx.Today)).ToList();
        var hashes = numbers.Select((n, i) => valid[i] is null ? IdNumber.Hash(n, ctx.Pepper) : null).ToList();
        var officers = (await Batches.ByChunksAsync(hashes.OfType<string>(), chunk =>
                _db.Officers.AsNoTracking().Where(o => chunk.Contains(o.IdNumberHash)).ToListAsync(ct)))
            .ToDictionary(o => o.IdNumberHash, StringComparer.Ordinal);
        var bodies = (await Batches.ByChunksAsync(officers.Values.Select(o => o.BodyId), chunk =>
                _db.Organizations.AsNoTracking().Where(o => chunk.Contains(o.Id)).ToListAsync(ct)))
            .ToDictionary(o => o.Id);
        var already = (await _db.TrainingAttendances.Unscoped("one attendance per officer and session is checked across the whole database")
            .Where(a => a.SessionId == sessionId).Select(a => a.OfficerId).ToListAsync(ct)).ToHashSet();

        var errors = new ImportErrorList(limits.MaxErrors);
        var records = new List<(TrainingAttendance Attendance, Officer Officer)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var before = errors.Total;
            Officer? officer = null;
            if (valid[i] is { } idError)
                AddDomainErrors(row.Number, idError, errors);
            else if (!officers.TryGetValue(hashes[i]!, out officer) || !bodies.TryGetValue(officer.BodyId, out var body)
                || !_db.Actor.CanIn(PersonnelPermissions.TrainingManage, body))
            {
                officer = null;
                errors.Add(PersonnelErrors.ImportOfficerUnknown().At(row.Number, AttendanceColumns.IdNumber[0]));
            }
            var hoursText = row.Get(AttendanceColumns.Hours);
            decimal? hours = null;
            if (hoursText.Length > 0)
            {
                if (decimal.TryParse(hoursText, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var h))
                    hours = h;
                else
                    errors.Add(PersonnelErrors.ImportNumberInvalid().At(row.Number, AttendanceColumns.Hours[0]));
            }
            if (errors.Total > before || officer is null)
                continue;
            var attendance = TrainingAttendance.Record(session, officer, hours, !already.Add(officer.Id), ctx.Now);
            if (attendance.IsSuccess)
                records.Add((attendance.Value, officer));
            else
                AddDomainErrors(row.Number, attendance.Error, errors);
        }
        if (!errors.IsEmpty)
            return errors.ToRejected();
        // The officers go into the context with their batch, so that the audit trail finds each record's owner without asking the database.
        await _db.SaveInBatchesAsync(records, limits.BatchSize, batch =>
        {
            _db.Officers.AttachRange(batch.Select(r => r.Officer).DistinctBy(o => o.Id));
            _db.TrainingAttendances.AddRange(batch.Select(r => r.Attendance));
        }, ct);
        return records.Count;
    }

    /// <summary>A domain error on a field becomes an error on that field's column.</summary>
    private static void AddDomainErrors(int row, Error error, ImportErrorList errors)
    {
        static string Column(string field) => field switch
        {
            "fullName" => OfficerColumns.Name[0],
            "idNumber" => OfficerColumns.IdNumber[0],
            "bodyId" => OfficerColumns.Body[0],
            "unitId" => OfficerColumns.Unit[0],
            "post" => OfficerColumns.Post[0],
            "fields" => OfficerColumns.Fields[0],
            "hours" => AttendanceColumns.Hours[0],
            "officerId" => AttendanceColumns.IdNumber[0],
            _ => field,
        };
        switch (error)
        {
            case ValidationError v:
                foreach (var (field, messages) in v.Fields)
                {
                    foreach (var m in messages)
                        errors.Add(m.At(row, Column(field)));
                }
                break;
            case ConflictError c:
                errors.Add(new ImportRowError(row, c.Field is null ? "" : Column(c.Field), c.Code, c.Args));
                break;
            default:
                errors.Add(new ImportRowError(row, "", error.Code, error.Args));
                break;
        }
    }

    private static string? NullIfEmpty(string s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
