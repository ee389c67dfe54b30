using System.Globalization;
using Zhifa.Core.Audit;
using Zhifa.Core.Common;
using Zhifa.Core.Identity;
using Zhifa.Web.Audit;
using Zhifa.Web.Common;

namespace Zhifa.Web.Identity;

/// <summary>The login log (sign-in attempts): browse, filter, export. Read by those who read the audit trail.</summary>
public static class LoginLogEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var logins = api.MapGroup("/login-log").WithTags("Audit");
        logins.MapGet("/", async (IdentityQueries q, string? userName, bool? success, DateTime? from, DateTime? to, string? sort, int? page, int? pageSize, CancellationToken ct) =>
                Results.Ok(await q.LoginLogAsync(new LoginLogFilter(userName, success, AuditEndpoints.Utc(from), AuditEndpoints.Utc(to), page, pageSize, sort), ct)))
            .RequirePermission(AuditPermissions.AuditRead).WithName("ListLoginLog").WithSummary("Sign-in attempts, newest first, within the caller's scope.")
            .Produces<Page<LoginLogDto>>();

        logins.MapGet("/export", async (IdentityQueries q, string? userName, bool? success, DateTime? from, DateTime? to, string? sort, CancellationToken ct) =>
            {
                var rows = await q.LoginLogAsync(new LoginLogFilter(userName, success, AuditEndpoints.Utc(from), AuditEndpoints.Utc(to), Sort: sort), ct, unpaged: true);
                var csv = Csv.Write(["at_utc", "user", "success", "outcome", "channel", "address", "user_agent"],
                    rows.Items.Select(l => new[] { l.At.ToString("O", CultureInfo.InvariantCulture), l.UserName, l.Success ? "true" : "false", l.Outcome, l.Channel, l.Address ?? "", l.UserAgent ?? "" }));
                return Results.File(csv, Csv.ContentType, "login-log.csv");
            })
            .RequirePermission(AuditPermissions.AuditRead).WithName("ExportLoginLog").WithSummary("The filtered login log as CSV.").Produces<byte[]>(200, "text/csv");
    }
}
