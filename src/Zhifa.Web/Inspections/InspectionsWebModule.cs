using Zhifa.Core.Inspections;
using Zhifa.Web.Common;
using Zhifa.Web.Modules;

namespace Zhifa.Web.Inspections;

/// <summary>Inspections: the API, the officers' and supervisors' pages, the enterprise's code page and the public results and draws.</summary>
public sealed class InspectionsWebModule : WebModule
{
    public override int Order => 70;

    public override void MapEndpoints(RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        InspectionEndpoints.Map(api);
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
