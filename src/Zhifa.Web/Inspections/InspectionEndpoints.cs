using Zhifa.Core.Common;
using Zhifa.Core.Inspections;
using Zhifa.Core.Inspections.Draws;
using Zhifa.Core.Inspections.UseCases;
using Zhifa.Web.Common;

namespace Zhifa.Web.Inspections;

/// <summary>The inspections API: plans and draws, inspections step by step, the supervisor's views, and the public's code, results and draws.</summary>
public static class InspectionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var plans = api.MapGroup("/inspection-plans").WithTags("Inspections");
        plans.MapGet("/", async (InspectionPlans desk, int? year, int? page, int? pageSize, CancellationToken ct) => Results.Ok(await desk.ListAsync(year, page, pageSize, ct)))
            .RequirePermission(InspectionPermissions.Read).WithName("ListInspectionPlans")
            .WithSummary("The plans in scope with their draws, newest year first.").Produces<Page<PlanView>>();
        plans.MapPost("/", async (PlanRequest body, InspectionPlans desk, HttpContext http, CancellationToken ct) => (await desk.CreateAsync(body, ct)).ToCreated(http, v => $"/api/v1/inspection-plans/{v.Id}"))
            .RequirePermission(InspectionPermissions.Plan).WithName("CreateInspectionPlan")
            .WithSummary("A body's plan for a year: its inspection items, the period, the share per credit grade (SSJ-RATIO: at least the configured minimum, raised for poorer grades) or keyItems (every subject, the draw decides the order).")
            .Produces<PlanView>(201).ProducesValidationProblem();
        plans.MapGet("/{id:guid}", async (Guid id, InspectionPlans desk, HttpContext http, CancellationToken ct) => (await desk.GetAsync(id, ct)).ToResult(http))
            .RequirePermission(InspectionPermissions.Read).WithName("GetInspectionPlan").Produces<PlanView>().ProducesProblem(404);
        plans.MapPost("/{id:guid}/draws", async (Guid id, InspectionPlans desk, HttpContext http, CancellationToken ct) => (await desk.AnnounceAsync(id, ct)).ToResult(http))
            .RequirePermission(InspectionPermissions.Plan).WithName("AnnounceDraw")
            .WithSummary("Announces the plan's draw: the subject and inspector lists, exclusions and parameters frozen, their hashes published with the commitment to the body's secret. "
                + "Refused (422 SSJ-DRAW) when a subject that could be drawn has fewer eligible inspectors than required, naming them.")
            .Produces<DrawView>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

        var draws = api.MapGroup("/inspection-draws").WithTags("Inspections");
        draws.MapPost("/{id:guid}/contribute", async (Guid id, ContributeRequest body, InspectionPlans desk, HttpContext http, CancellationToken ct) =>
                (await desk.ContributeAsync(id, body, ct)).ToResult(http))
            .RequirePermission(InspectionPermissions.Supervise).WithName("ContributeToDraw")
            .WithSummary("The supervising bureau's value (empty: a random one): the draw is made from the announced inputs, published with everything needed to re-run it, and its inspections planned.")
            .Produces<DrawView>().ProducesProblem(404).ProducesProblem(409);
        draws.MapPost("/{id:guid}/redraw", async (Guid id, RedrawRequest body, InspectionPlans desk, HttpContext http, CancellationToken ct) =>
                (await desk.RedrawAsync(id, body, ct)).ToResult(http))
            .RequirePermission(InspectionPermissions.Plan).WithName("Redraw")
            .WithSummary("Replaces a draw with a new announcement, with the reason (both stay visible); refused once one of its inspections was filed.")
            .Produces<DrawView>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/inspection-conflicts", async (ConflictRequest body, InspectionPlans desk, HttpContext http, CancellationToken ct) => (await desk.DeclareConflictAsync(body, ct)).ToResult(http))
            .RequirePermission(InspectionPermissions.Handle).WithTags("Inspections").WithName("DeclareInspectionConflict")
            .WithSummary("Declares an inspector's relationship with a subject (回避): never drawn for it.").Produces<Guid>().ProducesValidationProblem();

        var tasks = api.MapGroup("/inspections").WithTags("Inspections");
        tasks.MapGet("/", async (InspectionQueries queries, InspectionListView? view, InspectionState? state, int? page, int? pageSize, CancellationToken ct) =>
                Results.Ok(await queries.ListAsync(new InspectionFilter(view, state, page, pageSize), ct)))
            .RequirePermission(InspectionPermissions.Read).WithName("ListInspections")
            .WithSummary("Inspections in scope: view Mine, Due (publication due, SSJ-PUB), Overdue, All; by state.").Produces<Page<InspectionRow>>();
        tasks.MapPost("/", async (InspectionRequest body, InspectionDesk desk, HttpContext http, CancellationToken ct) => (await desk.CreateAsync(body, ct)).ToCreated(http, v => $"/api/v1/inspections/{v.Id}"))
            .RequirePermission(InspectionPermissions.Handle).WithName("PlanInspection")
            .WithSummary("Plans an inspection of an enterprise: the items (检查事项) and at least two inspectors eligible on the day (SSJ-DRAW, XZCF-42).")
            .Produces<InspectionView>(201).ProducesValidationProblem().ProducesProblem(422);
        tasks.MapGet("/{id:guid}", async (Guid id, InspectionDesk desk, HttpContext http, CancellationToken ct) => (await desk.GetAsync(id, ct)).ToResult(http))
            .RequirePermission(InspectionPermissions.Read).WithName("GetInspection").Produces<InspectionView>().ProducesProblem(404);
        tasks.MapPost("/{id:guid}/file", async (Guid id, FileRequest body, InspectionDesk desk, HttpContext http, CancellationToken ct) => (await desk.FileAsync(id, body, ct)).ToResult(http))
            .RequirePermission(InspectionPermissions.Handle).WithName("FileInspection")
            .WithSummary("Files the inspection (涉企检查备案) and issues its code. SSJ-FREQ: at the yearly cap a reason is needed (422 without) and the head approves; a repeat within 30 days is flagged.")
            .Produces<InspectionView>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        tasks.MapPost("/{id:guid}/approve", async (Guid id, TaskStepRequest body, InspectionDesk desk, HttpContext http, CancellationToken ct) => (await desk.ApproveOverCapAsync(id, body, ct)).ToResult(http))
            .RequirePermission(InspectionPermissions.Approve).WithName("ApproveInspectionOverCap")
            .WithSummary("The head approves a visit over the yearly cap (SSJ-FREQ): filed, with its code.").Produces<InspectionView>().ProducesProblem(404).ProducesProblem(409);
        tasks.MapPost("/{id:guid}/visit", async (Guid id, VisitRequest body, InspectionDesk desk, HttpContext http, CancellationToken ct) => (await desk.RecordVisitAsync(id, body, ct)).ToResult(http))
            .RequirePermission(InspectionPermissions.Handle).WithName("RecordInspectionVisit")
            .WithSummary("Records the visit (现场检查笔录): a result for every item; without a filed code it is flagged to the supervisor; its publication falls due 20 working days later (SSJ-PUB).")
            .Produces<InspectionView>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        tasks.MapPost("/{id:guid}/items/{itemId:guid}/lead", async (Guid id, Guid itemId, TaskStepRequest body, InspectionDesk desk, HttpContext http, CancellationToken ct) =>
                (await desk.LeadAsync(id, itemId, body, ct)).ToResult(http))
            .RequirePermission(InspectionPermissions.Handle).WithName("InspectionFindingToLead")
            .WithSummary("Turns a finding into a lead (案源) of the body, from the inspection, in one action.").Produces<InspectionView>().ProducesProblem(404).ProducesProblem(409);
        tasks.MapPost("/{id:guid}/publish", async (Guid id, TaskStepRequest body, InspectionDesk desk, HttpContext http, CancellationToken ct) => (await desk.PublishAsync(id, body, ct)).ToResult(http))
            .RequirePermission(InspectionPermissions.Handle).WithName("PublishInspection")
            .WithSummary("Publishes the result; after its deadline it is published and flagged late (SSJ-PUB).").Produces<InspectionView>().ProducesProblem(404).ProducesProblem(409);

        var supervision = api.MapGroup("/inspection-supervision").WithTags("Inspections");
        supervision.MapGet("/visits", async (InspectionQueries queries, int? year, bool? overCap, TimeProvider clock, CancellationToken ct) =>
                Results.Ok(await queries.VisitCountsAsync(year ?? clock.Today().Year, overCap ?? false, ct)))
            .RequirePermission(InspectionPermissions.Read).WithName("InspectionVisitCounts")
            .WithSummary("Enterprises visited in the year with their visits by every body (SSJ-FREQ), overCap=true for those over the cap.").Produces<IReadOnlyList<VisitCount>>();
        supervision.MapGet("/unfiled", async (InspectionQueries queries, CancellationToken ct) => Results.Ok(await queries.UnfiledAsync(ct)))
            .RequirePermission(InspectionPermissions.Supervise).WithName("UnfiledInspections")
            .WithSummary("Visits recorded without a filed code.").Produces<IReadOnlyList<InspectionRow>>();
        supervision.MapGet("/ratings", async (InspectionQueries queries, CancellationToken ct) => Results.Ok(await queries.RatingsAsync(ct)))
            .RequirePermission(InspectionPermissions.Supervise).WithName("InspectionRatings")
            .WithSummary("The enterprises' anonymous ratings: the supervising bureau's, never the inspecting body's.").Produces<IReadOnlyList<RatingRow>>();
        supervision.MapGet("/monthly", async (InspectionQueries queries, int? year, TimeProvider clock, CancellationToken ct) => Results.Ok(await queries.MonthlyAsync(year ?? clock.Today().Year, ct)))
            .RequirePermission(InspectionPermissions.Read).WithName("InspectionsPerMonth")
            .WithSummary("Inspections per body and month of the year.").Produces<IReadOnlyList<MonthlyCount>>();
        supervision.MapGet("/joint-proposals", async (InspectionQueries queries, CancellationToken ct) => Results.Ok(await queries.JointProposalsAsync(ct)))
            .RequirePermission(InspectionPermissions.Supervise).WithName("JointInspectionProposals")
            .WithSummary("Planned inspections of several bodies for one enterprise in one month: proposed as one visit (综合查一次).").Produces<IReadOnlyList<JointProposal>>();
        supervision.MapPost("/joint", async (MergeRequest body, InspectionDesk desk, HttpContext http, CancellationToken ct) => (await desk.MergeAsync(body, ct)).ToResult(http))
            .RequirePermission(InspectionPermissions.Supervise).WithName("MergeInspections")
            .WithSummary("Merges the planned inspections into one visit led by one body: one code, each body's items and findings, counted once (SSJ-FREQ).")
            .Produces<IReadOnlyList<Guid>>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        var pub = api.MapGroup("/public/inspections").WithTags("Public").Public("the inspected enterprise by its code, and published results and draws")
            .RequireRateLimiting(PublicEndpoints.RateLimit);
        pub.MapGet("/code/{code}", async (string code, InspectionQueries queries, HttpContext http, CancellationToken ct) => (await queries.ByCodeAsync(code, ct)).ToResult(http))
            .WithName("InspectionByCode").WithSummary("What the enterprise sees after scanning the code: the bodies, inspectors with their certificates, the legal basis and items.")
            .Produces<CodeView>().ProducesProblem(404);
        pub.MapPost("/code/{code}/rating", async (string code, RatingRequest body, InspectionQueries queries, HttpContext http, CancellationToken ct) =>
                (await queries.RateAsync(code, body, ct)).ToResult(http))
            .WithName("RateInspection").WithSummary("The enterprise's anonymous rating after the visit, once.").Produces<bool>().ProducesProblem(404).ProducesProblem(409);
        pub.MapGet("/results", async (InspectionQueries queries, int? page, int? pageSize, CancellationToken ct) => Results.Ok(await queries.PublishedAsync(page, pageSize, ct)))
            .WithName("PublishedInspectionResults").WithSummary("Published results, newest first, 20 a page (pageSize up to 100); a person's name masked (SXZD-MASK).").Produces<Page<PublishedResult>>();
        pub.MapGet("/bodies", async (InspectionRegistries registries, CancellationToken ct) => Results.Ok(await registries.BodiesAsync(ct)))
            .WithName("InspectingBodies").WithSummary("The bodies that inspect by plan, whose two lists (一单两库) are published.").Produces<IReadOnlyList<RegistryBody>>();
        pub.MapGet("/bodies/{id:guid}/subjects", async (Guid id, int? page, int? pageSize, InspectionRegistries registries, HttpContext http, CancellationToken ct) =>
                await registries.SubjectsAsync(id, page, pageSize, ct) is { IsSuccess: true } found ? Results.Ok(found.Value.Subjects) : InspectionErrors.BodyNotFound().ToProblem(http))
            .WithName("InspectionSubjectList").WithSummary("A body's inspection-subject list: its branch's organisations with industry, region, credit grade and risk tags, by name, 50 a page (pageSize up to 500).")
            .Produces<Page<Zhifa.Core.Parties.InspectionSubject>>().ProducesProblem(404);
        pub.MapGet("/bodies/{id:guid}/inspectors", async (Guid id, InspectionRegistries registries, HttpContext http, CancellationToken ct) =>
                (await registries.InspectorsAsync(id, ct)).ToResult(http))
            .WithName("InspectorList").WithSummary("A body's inspector list: its officers allowed to act in its field today (XZCF-42), names masked, with the list's hash as a draw computes it.")
            .Produces<InspectorRegistry>().ProducesProblem(404);
        pub.MapGet("/draws/{id:guid}", async (Guid id, InspectionQueries queries, HttpContext http, CancellationToken ct) => (await queries.PublicDrawAsync(id, ct)).ToResult(http))
            .WithName("PublicDraw").WithSummary("A draw as published, with its document and the result of re-running it from that document alone.").Produces<PublicDraw>().ProducesProblem(404);
        pub.MapGet("/draws/{id:guid}/document", async (Guid id, InspectionQueries queries, HttpContext http, CancellationToken ct) =>
                await queries.PublicDrawAsync(id, ct) is { IsSuccess: true, Value.PublishedJson: { } json }
                    ? Results.File(System.Text.Encoding.UTF8.GetBytes(json), "application/json", $"draw-{id}.json")
                    : InspectionErrors.DrawNotFound().ToProblem(http))
            .WithName("PublicDrawDocument").WithSummary("The draw's published document (inputs, parameters, secret, the bureau's value, result) to re-run anywhere.")
            .Produces<string>(200, "application/json").ProducesProblem(404);
        pub.MapPost("/draws/verify", async (HttpRequest request, CancellationToken ct) =>
            {
                using var reader = new StreamReader(request.Body);
                var json = await reader.ReadToEndAsync(ct);
                try
                {
                    return Results.Ok(VerifiableDraw.Verify(json, request.Query["commitment"].FirstOrDefault()));
                }
                catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or ArgumentException or KeyNotFoundException or InvalidOperationException)
                {
                    return CommonErrors.FieldUnreadable("body").ToProblem(request.HttpContext);
                }
            })
            .WithName("VerifyDraw").WithSummary("Re-runs any published draw document (the body of the request) and reports every difference from what it claims (and from ?commitment=).")
            .Produces<DrawVerification>().ProducesValidationProblem();
    }
}
