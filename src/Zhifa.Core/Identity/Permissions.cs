namespace Zhifa.Core.Identity;

/// <summary>
/// Permission codes, one per action. Every endpoint and page names one; roles group them.
/// The display name of each is the resource <c>perm.{code}</c>.
/// </summary>
public static class Permissions
{
    public const string OrgRead = "org.read";
    public const string OrgManage = "org.manage";
    public const string AdminUsers = "admin.users";
    public const string AdminRoles = "admin.roles";
    public const string AuditRead = "audit.read";
    public const string AuditVerify = "audit.verify";
    public const string PersonnelRead = "personnel.read";
    public const string PersonnelManage = "personnel.manage";
    public const string CertificateIssue = "personnel.certificate.issue";
    public const string PersonnelIdNumberView = "personnel.id_number.view";
    public const string TrainingManage = "personnel.training.manage";
    public const string CatalogueRead = "catalogue.read";
    public const string CatalogueEdit = "catalogue.edit";
    public const string CatalogueReview = "catalogue.review";
    public const string CaseOpen = "case.open";
    public const string CaseDecide = "case.decide";
    public const string CaseLegalReview = "case.legal_review";
    public const string SupervisionEvaluate = "supervision.evaluate";

    public static readonly IReadOnlyList<string> All =
    [
        OrgRead, OrgManage, AdminUsers, AdminRoles, AuditRead, AuditVerify,
        PersonnelRead, PersonnelManage, PersonnelIdNumberView, CertificateIssue, TrainingManage,
        CatalogueRead, CatalogueEdit, CatalogueReview,
        CaseOpen, CaseDecide, CaseLegalReview, SupervisionEvaluate,
    ];

    public static bool IsKnown(string code) => All.Contains(code, StringComparer.Ordinal);
}

/// <summary>The shipped role templates (DESIGN.md "Who uses it").</summary>
public static class RoleTemplates
{
    public const string Officer = "officer";
    public const string LegalReviewer = "legal_reviewer";
    public const string AgencyHead = "agency_head";
    public const string Supervisor = "supervisor";
    public const string Administrator = "administrator";

    public static readonly IReadOnlyList<(string Code, DataScopeKind DefaultScope, string[] Permissions)> All =
    [
        (Officer, DataScopeKind.Agency,
            [Permissions.OrgRead, Permissions.PersonnelRead, Permissions.CatalogueRead, Permissions.CaseOpen]),
        (LegalReviewer, DataScopeKind.Agency,
            [Permissions.OrgRead, Permissions.PersonnelRead, Permissions.CatalogueRead, Permissions.CaseLegalReview]),
        (AgencyHead, DataScopeKind.AgencyAndSubordinates,
            [Permissions.OrgRead, Permissions.PersonnelRead, Permissions.PersonnelManage, Permissions.PersonnelIdNumberView, Permissions.CatalogueRead,
             Permissions.CatalogueEdit, Permissions.CaseOpen, Permissions.CaseDecide, Permissions.AuditRead]),
        (Supervisor, DataScopeKind.RegionSubtree,
            [Permissions.OrgRead, Permissions.PersonnelRead, Permissions.CertificateIssue, Permissions.TrainingManage, Permissions.CatalogueRead,
             Permissions.CatalogueReview, Permissions.SupervisionEvaluate, Permissions.AuditRead, Permissions.AuditVerify]),
        (Administrator, DataScopeKind.RegionSubtree,
            [Permissions.OrgRead, Permissions.OrgManage, Permissions.AdminUsers, Permissions.AdminRoles, Permissions.AuditRead, Permissions.AuditVerify,
             Permissions.PersonnelRead, Permissions.PersonnelManage, Permissions.PersonnelIdNumberView, Permissions.TrainingManage, Permissions.CatalogueRead]),
    ];
}
