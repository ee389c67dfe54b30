using Zhifa.Core.Cases;
using Zhifa.Core.Cases.UseCases;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;
using Zhifa.Core.Discretion;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Identity;

/// <summary>
/// The case API's rows of the role matrix. Every step of the table is its own endpoint with the table's permission:
/// taken in scope on an archived case of 原平市市场监督管理局, where no step is allowed any more, a caller who holds the
/// permission gets the refusal of the step out of order — 422 naming the rule that orders it (CaseWorkflow.PrerequisiteRule),
/// or 409 where only the state forbids it — and out of scope (a case of 原平市交通运输局) 404. Officers handle, the legal
/// reviewer reviews, the head approves and archives; the supervisor and the administrator only read.
/// </summary>
public abstract partial class RoleMatrixTests
{
    /// <summary>原平市恒信建筑工程有限公司's case: executed, closed and archived in the demo.</summary>
    private static readonly Guid ArchivedMarketCase = DeterministicGuid.From("case:涉嫌使用未经检验的特种设备");

    /// <summary>An on-the-spot decision of 原平市交通运输局.</summary>
    private static readonly Guid TransportCase = DeterministicGuid.From("case:原交简〔2026〕0001");

    /// <summary>No case at all: out of scope for the roles that see the whole of 原平市 (there is no demo case beyond it).</summary>
    private static readonly Guid NoCase = DeterministicGuid.From("case:none");

    private static bool SeesAllOfYuanping(Ctx c) => c.Role.InOrg == DemoData.Ids.YuanpingTransport;

    private static Guid InCase(Ctx c) => SeesAllOfYuanping(c) ? TransportCase : ArchivedMarketCase;

    private static Guid OutCase(Ctx c) => SeesAllOfYuanping(c) ? NoCase : TransportCase;

    private static RegisterLeadRequest MatrixLead(Guid? bodyId) =>
        new(bodyId, LeadSource.Inspection, DeterministicGuid.From("party:原平市惠民超市有限公司"), TestData.Name("矩阵案源"), "矩阵测试登记的案源。",
            new DateOnly(2026, 1, 5), null);

    /// <summary>What each shipped role gets from the case API: <c>in/out</c> (a case of the role's scope / of another body; <c>-</c>: no such call).</summary>
    internal static readonly string CasesExpected = """
        endpoint                                                       officer  legal_reviewer  agency_head  supervisor  administrator
        GET    /api/v1/cases                                           200/200  200/200         200/200      200/200     200/200
        GET    /api/v1/cases/{id:guid}                                 200/404  200/404         200/404      200/404     200/404
        GET    /api/v1/cases/statistics                                200/404  200/404         200/404      200/404     200/404
        GET    /api/v1/cases/export                                    200/200  200/200         200/200      200/200     200/200
        POST   /api/v1/cases                                           201/400  403/403         403/403      403/403     403/403
        POST   /api/v1/cases/on-spot                                   201/-    403/-           403/-        403/-       403/-
        POST   /api/v1/cases/{id:guid}/actions/AssignOfficers          422/404  403/403         403/403      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/RegisterEvidence        422/404  403/403         403/403      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/DisposeEvidence         409/404  403/403         403/403      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/StopClock               409/404  403/403         403/403      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/RestartClock            409/404  403/403         403/403      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/Conclude                422/404  403/403         403/403      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/RecordStatement         409/404  403/403         403/403      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/RequestHearing          422/404  403/403         403/403      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/ScheduleHearing         422/404  403/403         403/403      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/HoldHearing             422/404  403/403         403/403      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/Serve                   422/404  403/403         403/403      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/RecordPayment           422/404  403/403         403/403      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/StartReconsideration    409/404  403/403         403/403      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/EndReconsideration      409/404  403/403         403/403      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/Demand                  422/404  403/403         403/403      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/ProposeReferral         409/404  403/403         403/403      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/RecordPoliceHandover    409/404  403/403         403/403      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/RecordPoliceDecline     409/404  403/403         403/403      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/CollectOnSpot           409/404  403/403         403/403      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/HandOverCash            409/404  403/403         403/403      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/FileWithBody            409/404  403/403         403/403      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/TakeMeasure             409/404  403/403         403/403      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/ReleaseMeasure          409/404  403/403         403/403      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/ApproveMeasure          403/403  403/403         409/404      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/ExtendMeasure           403/403  403/403         409/404      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/Open                    403/403  403/403         409/404      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/DeclineToOpen           403/403  403/403         409/404      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/ExtendOpening           403/403  403/403         409/404      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/TransferJurisdiction    403/403  403/403         409/404      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/RecordDiscussion        403/403  403/403         409/404      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/ApproveDeviation        403/403  403/403         409/404      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/ExtendDecision          403/403  403/403         422/404      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/Notify                  403/403  403/403         422/404      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/Decide                  403/403  403/403         422/404      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/DecideNoPenalty         403/403  403/403         409/404      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/ApproveDeferral         403/403  403/403         422/404      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/ApplyToCourt            403/403  403/403         422/404      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/Suspend                 403/403  403/403         409/404      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/Resume                  403/403  403/403         409/404      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/Terminate               403/403  403/403         409/404      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/ApproveReferral         403/403  403/403         422/404      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/RejectReferral          403/403  403/403         422/404      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/ChallengeDecline        403/403  403/403         422/404      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/ResumeAfterDecline      403/403  403/403         409/404      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/Close                   403/403  403/403         409/404      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/ReturnForInvestigation  403/403  409/404         403/403      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/PassLegalReview         403/403  409/404         403/403      403/403     403/403
        POST   /api/v1/cases/{id:guid}/actions/Archive                 403/403  403/403         422/404      403/403     403/403
        """;

    /// <summary>The titles of the cases the matrix reads (the export names cases by their number and title, not their id).</summary>
    private static readonly Dictionary<Guid, string> Titles = new()
    {
        [ArchivedMarketCase] = "涉嫌使用未经检验的特种设备",
        [TransportCase] = "货车驾驶员未随车携带道路运输证",
    };

    /// <summary>Whether the exported workbook lists the case (by its title; no such case: nothing to find).</summary>
    private static Check ExportHas(Func<Ctx, Guid> id, bool expected) => async (r, c) =>
    {
        var rows = Zhifa.Web.Common.Xlsx.Read(await r.Content.ReadAsStreamAsync());
        if (rows is null)
            return "not a workbook";
        var listed = Titles.TryGetValue(id(c), out var title) && rows.Any(row => row.Get("案由") == title);
        return listed == expected ? null : expected ? $"export lacks {title}" : $"export shows out-of-scope {title}";
    };

    /// <summary>The refusal of a step on the archived case: the out-of-order code, with the rule where one orders the step.</summary>
    private static Check OutOfOrder(CaseAction action) => async (r, _) =>
    {
        var body = await r.Content.ReadAsStringAsync();
        var code = CaseWorkflow.PrerequisiteRule(action) is { } rule ? $"\"rule\":\"{rule}\"" : "\"code\":\"workflow.illegal_transition\"";
        return body.Contains(code, StringComparison.Ordinal) ? null : $"not refused out of order ({code}): {body}";
    };

    private static readonly Case[] CasesCases =
    [
        new("GET /api/v1/cases/",
            c => c.Client.GetAsync("/api/v1/cases?pageSize=200"), c => c.Client.GetAsync("/api/v1/cases?pageSize=200"),
            ListContains(InCase), ListLacks(OutCase)),
        new("GET /api/v1/cases/{id:guid}",
            c => c.Client.GetAsync($"/api/v1/cases/{InCase(c)}"), c => c.Client.GetAsync($"/api/v1/cases/{OutCase(c)}")),
        new("GET /api/v1/cases/statistics",
            c => c.Client.GetAsync($"/api/v1/cases/statistics?bodyId={c.Role.InOrg}"), c => c.Client.GetAsync($"/api/v1/cases/statistics?bodyId={c.Role.OutOrg}")),
        new("GET /api/v1/cases/export",
            c => c.Client.GetAsync("/api/v1/cases/export"), c => c.Client.GetAsync("/api/v1/cases/export"),
            ExportHas(InCase, true), ExportHas(OutCase, false)),
        new("POST /api/v1/cases/",
            c => c.Client.PostJsonAsync("/api/v1/cases", MatrixLead(null)),
            c => c.Client.PostJsonAsync("/api/v1/cases", MatrixLead(DemoData.Ids.YuanpingTransport)),
            CheckOut: FieldError("bodyId")),
        new("POST /api/v1/cases/on-spot",
            c => c.Client.PostJsonAsync("/api/v1/cases/on-spot", new OnSpotRequest(DeterministicGuid.From("party:原平市惠民超市有限公司"), "矩阵简" + TestData.Next(),
                "未按规定公示信息", "现场检查发现。", [PenaltyKind.Warning], null)), null),
        .. Zhifa.Web.Cases.CaseEndpoints.UserActions.Select(a => new Case($"POST /api/v1/cases/{{id:guid}}/actions/{a.Action}",
            c => c.Client.PostJsonAsync($"/api/v1/cases/{InCase(c)}/actions/{a.Action}", new CaseActionRequest()),
            c => c.Client.PostJsonAsync($"/api/v1/cases/{OutCase(c)}/actions/{a.Action}", new CaseActionRequest()),
            OutOfOrder(a.Action))),
    ];
}
