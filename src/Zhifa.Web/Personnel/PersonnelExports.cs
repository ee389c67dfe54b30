using System.Globalization;
using Microsoft.Extensions.Localization;
using Zhifa.Core.Personnel.UseCases;
using Zhifa.Web.Common;

namespace Zhifa.Web.Personnel;

/// <summary>Excel exports of exactly what a list shows, headed in the user's language.</summary>
internal static class PersonnelExports
{
    private static string N(decimal d) => d.ToString("0.#", CultureInfo.InvariantCulture);

    public static byte[] Officers(IEnumerable<OfficerRow> rows, IStringLocalizer l) => Xlsx.Write("officers",
        [l["officer.full_name"], l["officer.id_number"], l["officer.body"], l["officer.unit"], l["officer.post"], l["officer.legal_qualification"],
         l["officer.fields"], l["officer.employment"], l["officer.certificate"], l["officer.certificate_status"], l["officer.training_hours"], l["officer.training_needed"]],
        rows.Select(r => (IReadOnlyList<string?>)[r.FullName, r.IdNumberMasked, r.BodyName, r.UnitName, r.Post, r.HasLegalQualification ? l["common.yes"] : l["common.no"],
            string.Join("、", r.Fields.Select(f => l[$"enum.Sector.{f}"].Value)), l[$"enum.EmploymentStatus.{r.EmploymentStatus}"], r.CertificateNumber,
            r.CertificateStatus is { } s ? l[$"enum.CertificateStatus.{s}"] : "", N(r.TrainingHours), N(r.TrainingHoursNeeded)]));

    public static byte[] Certificates(IEnumerable<CertificateView> rows, IStringLocalizer l) => Xlsx.Write("certificates",
        [l["cert.number"], l["officer.full_name"], l["officer.body"], l["cert.issued_on"], l["cert.valid_until"], l["officer.fields"], l["org.status"]],
        rows.Select(r => (IReadOnlyList<string?>)[r.Number, r.HolderName, r.BodyName, r.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), string.Join("、", r.Fields.Select(f => l[$"enum.Sector.{f}"].Value)),
            l[$"enum.CertificateStatus.{r.Status}"]]));

    public static byte[] Compliance(ComplianceReport report, IStringLocalizer l) => Xlsx.Write("compliance",
        [l["officer.full_name"], l["officer.body"], l["enum.TrainingCategory.PublicLegal"], l["enum.TrainingCategory.Business"], l["enum.TrainingCategory.PoliticalTheory"],
         l["training.total"], l["training.short_public_legal"], l["training.short_business"], l["training.short_total"], l["officer.training_needed"]],
        report.Officers.Select(r => (IReadOnlyList<string?>)[r.FullName, r.BodyName, N(r.PublicLegal), N(r.Business), N(r.PoliticalTheory), N(r.Total),
            N(r.ShortPublicLegal), N(r.ShortBusiness), N(r.ShortTotal), N(r.HoursNeeded)]));
}
