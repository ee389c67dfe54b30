using Zhifa.Core.Cases;
using Zhifa.Core.Cases.UseCases;
using Zhifa.Core.Common;

namespace Zhifa.Web.Cases;

/// <summary>
/// REST API of the penalty case: the lists, the case with the steps the caller may take now, registering a lead or an
/// on-the-spot decision, and every step of <see cref="CaseWorkflow"/> — one endpoint per action, each requiring the
/// permission the table names for it, so that a new row of the table is a new endpoint without more code.
/// </summary>
public static class CaseEndpoints
{
    public const string Prefix = "/api/v1/cases/";

    /// <summary>The actions a user takes (the table's rows with a permission; the system's own steps have none), in the table's order.</summary>
    public static IReadOnlyList<(CaseAction Action, string Permission)> UserActions { get; } =
        [.. CaseWorkflow.Table.Transitions.Where(t => t.Permission is not null).Select(t => t.Action).Distinct()
            .Select(a => (a, CaseWorkflow.Table.PermissionOf(a)!))];

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var cases = api.MapGroup("/cases").WithTags("Cases");
        cases.MapGet("/", async (CaseQueries queries, CaseView? view, CaseState? state, CaseProcedure? procedure, string? q, DateOnly? from, DateOnly? to, Guid? partyId,
                    string? sort, int? page, int? pageSize, string? after, string? before, CancellationToken ct) =>
                Results.Ok(await queries.ListAsync(new CaseListFilter(view, state, procedure, q, from, to, partyId, sort, page, pageSize, after, before), ct)))
            .RequirePermission(CasePermissions.Read).WithName("ListCases")
            .WithSummary("Cases in scope: a role's view (Mine, AwaitingApproval, AwaitingReview, DueSoon, Overdue, All), the state, the procedure, q (a case or decision number, the start of the party's name, a word of the title), the registration dates, the party. Sorted by registeredOn (default, newest first), number, party or state; counts up to 10,000. Sorted by registeredOn, a page carries nextCursor (and, reached by cursor, previousCursor): after=… (before=…) gives the next (previous) page at the same cost however deep, also beyond the count; such a page has pageNumber 0.")
            .Produces<Page<Zhifa.Core.Cases.UseCases.CaseRow>>();
        cases.MapGet("/{id:guid}", async (Guid id, CaseQueries q, HttpContext http, CancellationToken ct) => (await q.DetailAsync(id, ct)).ToResult(http))
            .RequirePermission(CasePermissions.Read).WithName("GetCase")
            .WithSummary("A case: its facts, team, clocks (with the rule of each deadline), timeline, payments and the actions the caller may take now. Its version is the ETag.")
            .Produces<CaseDetail>().ProducesProblem(404);
        cases.MapPost("/", async (RegisterLeadRequest body, CaseDesk uc, CaseQueries q, HttpContext http, CancellationToken ct) =>
                await uc.RegisterLeadAsync(body, ct).ThenCreated(id => q.DetailAsync(id, ct), Prefix, http))
            .RequirePermission(CasePermissions.Handle).WithName("RegisterCaseLead")
            .WithSummary("Register a lead (案源登记) for the caller's body (or a body they handle cases for): the opening decision is due in the statutory period (XZCF-54).")
            .Produces<CaseDetail>(201).ProducesValidationProblem();
        cases.MapPost("/on-spot", async (OnSpotRequest body, CaseDesk uc, CaseQueries q, HttpContext http, CancellationToken ct) =>
                await uc.RecordOnSpotAsync(body, ct).ThenCreated(id => q.DetailAsync(id, ct), Prefix, http))
            .RequirePermission(CasePermissions.Handle).WithName("RecordOnSpotDecision")
            .WithSummary("An on-the-spot decision (简易程序): a warning or a fine up to the sector's limit (XZCF-51) by an officer with a valid certificate (XZCF-42), optionally collected there and then (XZCF-68).")
            .Produces<CaseDetail>(201).ProducesValidationProblem().ProducesProblem(422);

        cases.MapGet("/{id:guid}/service-address", async (Guid id, ServiceAddressDesk desk, HttpContext http, CancellationToken ct) => (await desk.GetAsync(id, ct)).ToResult(http))
            .RequirePermission(CasePermissions.Read).WithName("GetServiceAddress")
            .WithSummary("The party's 送达地址确认书 for the case: the address, the mobile number (masked), the e-mail, whether it consents to electronic service, the day signed.")
            .Produces<ServiceAddressView>().ProducesProblem(404);
        cases.MapPut("/{id:guid}/service-address", async (Guid id, ServiceAddressRequest body, ServiceAddressDesk desk, HttpContext http, CancellationToken ct) =>
                (await desk.SetAsync(id, body, ct)).ToResult(http))
            .RequirePermission(CasePermissions.Handle).WithName("SetServiceAddress")
            .WithSummary("Records the party's confirmation (every field at once): somewhere to serve, and a mobile number or e-mail for electronic consent; "
                + "electronic service (Serve with serviceMethod Electronic) is refused without it (XZCF-61). A stale version answers 409.")
            .Produces<ServiceAddressView>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        foreach (var (action, permission) in UserActions)
        {
            cases.MapPost($"/{{id:guid}}/actions/{action}", async (Guid id, CaseActionRequest body, CaseDesk uc, CaseQueries q, HttpContext http, CancellationToken ct) =>
                    await uc.ActAsync(id, action, body, ct).ThenOk(i => q.DetailAsync(i, ct), http))
                .RequirePermission(permission).WithName("Case" + action)
                .WithSummary($"Take the step {action} (permission {permission}; the name is case-insensitive). The body's version (or If-Match) is the case's version the step is based on: "
                    + "a stale one answers 409 and changes nothing; Idempotency-Key makes a retry answer the first result. A step the law forbids now answers 422 naming its rule "
                    + "(or 409 where the state alone forbids it); a case outside the caller's scope 404.")
                .Produces<CaseDetail>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        }
    }
}
