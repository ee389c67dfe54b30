using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Identity;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Personnel.UseCases;

/// <summary>
/// Excel imports of officers and of training attendance. All or nothing: every row is checked first,
/// and a single wrong cell rejects the file, naming each wrong row and column.
/// </summary>
public sealed class PersonnelImport(PersonnelContext ctx)
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
        var bodies = (await _db.Bodies.Where(b => b.IsActive).ToListAsync(ct)).Where(b => _db.Actor.CanIn(PersonnelPermissions.PersonnelManage, b)).ToList();
        var units = await _db.Units.Where(u => u.IsActive).ToListAsync(ct);
        var errors = new List<ImportRowError>();
        var officers = new List<Officer>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            void Fail(string[] column, FieldMessage message) => errors.Add(new ImportRowError(row.Number, column[0], message.Code, message.Args));
            var bodyText = row.Get(OfficerColumns.Body);
            var body = bodies.FirstOrDefault(b => b.Name == bodyText || b.CreditCode == bodyText.ToUpperInvariant());
            if (body is null)
            {
                Fail(OfficerColumns.Body, PersonnelErrors.ImportBodyUnknown(bodyText));
                continue;
            }
            var unitText = row.Get(OfficerColumns.Unit);
            var unit = unitText.Length == 0 ? null : units.FirstOrDefault(u => u.AgencyId == body.Id && u.Name == unitText);
            if (unitText.Length > 0 && unit is null)
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
            var stored = StoredIdNumber.Create(row.Get(OfficerColumns.IdNumber), ctx.Today, ctx.Protector, ctx.Pepper);
            if (!stored.IsSuccess)
            {
                AddDomainErrors(row.Number, stored.Error, errors);
                continue;
            }
            var duplicateInFile = !seen.Add(stored.Value.Hash);
            if (duplicateInFile)
                Fail(OfficerColumns.IdNumber, PersonnelErrors.ImportIdNumberRepeated());
            var taken = await ctx.IdNumberTakenAsync(stored.Value.Hash, ct);
            var officer = Officer.Register(OfficerRegistry.Profile(row.Get(OfficerColumns.Name), body.Id, unit?.Id, NullIfEmpty(row.Get(OfficerColumns.Post)), legal ?? false, fields),
                stored.Value, _ => taken, joinedOn ?? ctx.Today, ctx.ActorId, ctx.Now);
            if (!officer.IsSuccess)
                AddDomainErrors(row.Number, officer.Error, errors);
            else if (!duplicateInFile)
                officers.Add(officer.Value);
        }
        if (errors.Count > 0)
            return new ImportRejected(errors.OrderBy(e => e.Row).ToList());
        _db.Officers.AddRange(officers);
        await _db.SaveChangesAsync(ct);
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
        var errors = new List<ImportRowError>();
        var records = new List<TrainingAttendance>();
        var already = (await _db.TrainingAttendances.Unscoped("one attendance per officer and session is checked across the whole database").Where(a => a.SessionId == sessionId).Select(a => a.OfficerId).ToListAsync(ct)).ToHashSet();
        foreach (var row in rows)
        {
            var id = IdNumber.Normalize(row.Get(AttendanceColumns.IdNumber));
            if (IdNumber.Check(id, ctx.Today) is { } idError)
            {
                AddDomainErrors(row.Number, idError, errors);
                continue;
            }
            var hash = IdNumber.Hash(id, ctx.Pepper);
            var officer = await _db.Officers.FirstOrDefaultAsync(o => o.IdNumberHash == hash, ct);
            if (officer is null || await ctx.OfficerAsync(officer.Id, PersonnelPermissions.TrainingManage, ct) is null)
            {
                errors.Add(PersonnelErrors.ImportOfficerUnknown().At(row.Number, AttendanceColumns.IdNumber[0]));
                continue;
            }
            var hoursText = row.Get(AttendanceColumns.Hours);
            decimal? hours = null;
            if (hoursText.Length > 0)
            {
                if (!decimal.TryParse(hoursText, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var h))
                {
                    errors.Add(PersonnelErrors.ImportNumberInvalid().At(row.Number, AttendanceColumns.Hours[0]));
                    continue;
                }
                hours = h;
            }
            var attendance = TrainingAttendance.Record(session, officer, hours, !already.Add(officer.Id), ctx.Now);
            if (attendance.IsSuccess)
                records.Add(attendance.Value);
            else
                AddDomainErrors(row.Number, attendance.Error, errors);
        }
        if (errors.Count > 0)
            return new ImportRejected(errors.OrderBy(e => e.Row).ToList());
        _db.TrainingAttendances.AddRange(records);
        await _db.SaveChangesAsync(ct);
        return records.Count;
    }

    /// <summary>A domain error on a field becomes an error on that field's column.</summary>
    private static void AddDomainErrors(int row, Error error, List<ImportRowError> errors)
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
            _ => field,
        };
        switch (error)
        {
            case ValidationError v:
                foreach (var (field, messages) in v.Fields)
                    errors.AddRange(messages.Select(m => new ImportRowError(row, Column(field), m.Code, m.Args)));
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
