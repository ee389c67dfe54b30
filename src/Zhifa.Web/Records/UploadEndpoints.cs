using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Records;
using Zhifa.Core.Records.UseCases;
using Zhifa.Web.Common;

namespace Zhifa.Web.Records;

/// <summary>The request that opens a resumable upload: the whole file's length and its name on the device.</summary>
public sealed record OpenUploadRequest([MustSend] [System.ComponentModel.DataAnnotations.Range(1, long.MaxValue)] long? Length = null, [System.ComponentModel.DataAnnotations.MaxLength(EvidenceFile.MaxFileName)] string? FileName = null);

/// <summary>
/// Resumable uploads for phones (the shape of the tus protocol, without its extensions): POST opens a session with the
/// file's length; PATCH sends the next piece with <c>Upload-Offset</c> (the server's offset, or 409 saying it); HEAD tells
/// the offset after a break; <c>POST /api/v1/cases/{id}/evidence/from-upload</c> attaches the complete file.
/// </summary>
public static class UploadEndpoints
{
    public const string OffsetHeader = "Upload-Offset";
    public const string LengthHeader = "Upload-Length";

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var g = api.MapGroup("/uploads").WithTags("Evidence");
        g.MapPost("/", (OpenUploadRequest body, UploadSessions sessions, EvidenceLimits limits, ActorContext actor, HttpContext http) =>
            {
                if (body.Length is not { } length || length < 1 || length > limits.LargestBytes)
                    return RecordsErrors.UploadLengthOutOfRange(limits.LargestBytes / 1024 / 1024).ToProblem(http);
                var session = sessions.Open(actor.UserId ?? Guid.Empty, body.FileName, length);
                return Results.Created($"/api/v1/uploads/{session.Id}", session);
            })
            .RequirePermission(RecordsPermissions.AddEvidence).WithName("OpenUpload")
            .WithSummary("Opens a resumable upload of a file of the given length (up to the largest evidence limit); kept for a day.")
            .Produces<UploadSession>(201).ProducesValidationProblem();
        g.MapMethods("/{id:guid}", ["HEAD"], (Guid id, UploadSessions sessions, ActorContext actor, HttpContext http) =>
            {
                if (sessions.Find(id, actor.UserId ?? Guid.Empty) is not { } session)
                    return Results.NotFound();
                http.Response.Headers[OffsetHeader] = session.Offset.ToString(CultureInfo.InvariantCulture);
                http.Response.Headers[LengthHeader] = session.Length.ToString(CultureInfo.InvariantCulture);
                http.Response.Headers.CacheControl = "no-store";
                return Results.Ok();
            })
            .RequirePermission(RecordsPermissions.AddEvidence).WithName("UploadOffset")
            .WithSummary("The upload's offset (Upload-Offset) and length (Upload-Length): where to go on after a break. Another user's upload is not found.");
        g.MapGet("/{id:guid}", (Guid id, UploadSessions sessions, ActorContext actor) =>
                sessions.Find(id, actor.UserId ?? Guid.Empty) is { } session ? Results.Ok(session) : Results.NotFound())
            .RequirePermission(RecordsPermissions.AddEvidence).WithName("GetUpload")
            .WithSummary("The upload: its length, its offset and until when it is kept.").Produces<UploadSession>().ProducesProblem(404);
        g.MapPatch("/{id:guid}", async (Guid id, HttpRequest request, UploadSessions sessions, ActorContext actor, EvidenceLimits limits, CancellationToken ct) =>
            {
                var http = request.HttpContext;
                if (sessions.Find(id, actor.UserId ?? Guid.Empty) is not { } session)
                    return Results.NotFound();
                if (!long.TryParse(request.Headers[OffsetHeader], NumberStyles.None, CultureInfo.InvariantCulture, out var offset) || offset != session.Offset)
                {
                    http.Response.Headers[OffsetHeader] = session.Offset.ToString(CultureInfo.InvariantCulture);
                    return RecordsErrors.UploadOffsetMismatch(session.Offset).ToProblem(http);
                }
                if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                    size.MaxRequestBodySize = session.Length - session.Offset + 1;
                long now;
                try
                {
                    now = await sessions.AppendAsync(session, request.Body, ct);
                }
                catch (BlobTooLargeException)
                {
                    return RecordsErrors.FileTooLarge(session.Length / 1024 / 1024, "body").ToProblem(http);
                }
                http.Response.Headers[OffsetHeader] = now.ToString(CultureInfo.InvariantCulture);
                return Results.NoContent();
            })
            .RequirePermission(RecordsPermissions.AddEvidence).DisableAntiforgery().WithName("AppendUpload").Accepts<byte[]>("application/offset+octet-stream")
            .WithSummary("Sends the next piece, at Upload-Offset (the server's offset: otherwise 409 with the offset it has). A piece cut off keeps what arrived; "
                + "ask HEAD and go on. Bytes past the declared length are refused.")
            .ProducesProblem(404).ProducesProblem(409).ProducesValidationProblem();
        api.MapPost("/cases/{id:guid}/evidence/from-upload", async (Guid id, EvidenceFromUpload body, EvidenceDesk desk, HttpContext http, CancellationToken ct) =>
            {
                var result = await desk.AddFromUploadAsync(id, body, ct);
                return result.IsSuccess ? Results.Created($"/api/v1/cases/{id}/evidence/{result.Value.Id}", result.Value) : result.Error!.ToProblem(http);
            })
            .RequirePermission(RecordsPermissions.AddEvidence).WithTags("Evidence").WithName("AddEvidenceFromUpload")
            .WithSummary("Attaches the file of a complete resumable upload to the case, with the fields of a direct upload (kind, title, step, takenAt, latitude, "
                + "longitude); the upload is then removed. An incomplete upload answers 409 with its offset and stays.")
            .Produces<EvidenceView>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
    }
}
