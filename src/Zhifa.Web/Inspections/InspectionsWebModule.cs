using Zhifa.Core.Inspections;
using Zhifa.Core.Inspections.UseCases;
using Zhifa.Web.Common;
using Zhifa.Web.Modules;

namespace Zhifa.Web.Inspections;

/// <summary>Inspections: the API, the officers' and supervisors' pages, the enterprise's code page and the public results and draws.</summary>
public sealed class InspectionsWebModule : WebModule
{
    public override int Order => 70;

    public override void AddServices(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddZhifaJob<InspectionReminderJob>();
    }

    public override void MapEndpoints(RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        InspectionEndpoints.Map(api);
        var photos = api.MapGroup("/inspections/{id:guid}/photos").WithTags("Inspections");
        photos.MapGet("/", async (Guid id, InspectionPhotos desk, CancellationToken ct) => Results.Ok(await desk.ListAsync(id, ct)))
            .RequirePermission(InspectionPermissions.Read).WithName("ListInspectionPhotos").Produces<IReadOnlyList<InspectionPhotoView>>();
        photos.MapPost("/", async (Guid id, string? fileName, HttpRequest request, InspectionPhotos desk, HttpContext http, CancellationToken ct) =>
                (await desk.AddAsync(id, request.Body, fileName, ct)).ToResult(http))
            .RequirePermission(InspectionPermissions.Handle).WithName("AddInspectionPhoto")
            .WithSummary("A photo of the visit as the request's body (?fileName=…), streamed into the blob store: a photo by its content, within the photo size limit; the same photo twice is kept once.")
            .Accepts<Stream>("image/jpeg", "image/png", "image/heic", "image/webp").Produces<InspectionPhotoView>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        photos.MapGet("/{photoId:guid}/content", async (Guid id, Guid photoId, InspectionPhotos desk, HttpContext http, CancellationToken ct) =>
                await desk.OpenAsync(id, photoId, ct) is { IsSuccess: true } f ? Results.File(f.Value.Content, f.Value.MediaType, f.Value.FileName) : InspectionErrors.PhotoNotFound().ToProblem(http))
            .RequirePermission(InspectionPermissions.Read).WithName("GetInspectionPhoto").ProducesProblem(404);
        // The code's QR image, shown by the inspectors on site: it opens the enterprise's page of the inspection.
        app.MapGet("/public/inspections/code/{code}/qr.png", (string code, HttpContext http, PublicSite site) =>
            {
                var url = site.Link(http.Request, $"/public/inspections/code/{Uri.EscapeDataString(code.Trim().ToUpperInvariant())}");
                using var data = QRCoder.QRCodeGenerator.GenerateQrCode(url, QRCoder.QRCodeGenerator.ECCLevel.M);
                return Results.File(new QRCoder.PngByteQRCode(data).GetGraphic(6), "image/png");
            })
            .Public("the QR code of an inspection, scanned by the inspected enterprise").RequireRateLimiting(PublicEndpoints.RateLimit).ExcludeFromDescription();
    }

    public override IReadOnlyList<NavEntry> Navigation =>
    [
        new("enforcement", 420, "/inspections", "nav.inspections", InspectionPermissions.Read, Exact: true),
        new("enforcement", 421, "/inspections/new", "nav.inspection_new", InspectionPermissions.Handle),
        new("enforcement", 422, "/inspections/plans", "nav.inspection_plans", InspectionPermissions.Read),
        new("supervision", 520, "/inspections/supervision", "nav.inspection_supervision", InspectionPermissions.Supervise),
    ];
}
