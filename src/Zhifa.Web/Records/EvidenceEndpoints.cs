using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Zhifa.Core.Cases;
using Zhifa.Core.Common;
using Zhifa.Core.Records;
using Zhifa.Core.Records.UseCases;
using Zhifa.Web.Common;

namespace Zhifa.Web.Records;

/// <summary>
/// The evidence of a case over the API: listed, attached as a multipart upload streamed straight into the store (the
/// metadata fields first, the file last; nothing is buffered), sent back, withdrawn with a reason, verified.
/// </summary>
public static class EvidenceEndpoints
{
    /// <summary>The metadata fields of an upload are short: more than this in one is not metadata.</summary>
    private const int MaxFieldLength = 4096;

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var g = api.MapGroup("/cases/{id:guid}/evidence").WithTags("Evidence");
        g.MapGet("/", async (Guid id, EvidenceDesk desk, HttpContext http, CancellationToken ct) => (await desk.ListAsync(id, ct)).ToResult(http))
            .RequirePermission(CasePermissions.Read).WithName("ListEvidence")
            .WithSummary("The case's evidence, oldest first, withdrawn files included (with who withdrew them, when and why).")
            .Produces<IReadOnlyList<EvidenceView>>().ProducesProblem(404);
        g.MapPost("/", (Guid id, HttpRequest request, EvidenceDesk desk, EvidenceLimits limits, CancellationToken ct) => UploadAsync(id, request, desk, limits, ct))
            .RequirePermission(RecordsPermissions.AddEvidence).DisableAntiforgery().WithName("AddEvidence").Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Attach a file to the case: multipart/form-data with the fields kind (Photo, Audio, Video, Document; optional: the content decides), title, step "
                + "(the case step it documents, e.g. TakeMeasure for a seizure's video, SXZD-AV), takenAt, latitude, longitude — then the file, last. The type is told by "
                + "the content, never the name; each kind has its size limit; the SHA-256 is computed as the file streams in. The same file sent again answers the first "
                + "record. A file cut off halfway leaves nothing.")
            .Produces<EvidenceView>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        g.MapGet("/verify", async (Guid id, EvidenceDesk desk, HttpContext http, CancellationToken ct) => (await desk.VerifyAsync(id, ct)).ToResult(http))
            .RequirePermission(RecordsPermissions.Verify).WithName("VerifyEvidence")
            .WithSummary("Every file of the case read from the store and hashed again, compared with the hash on record and the hash the audit trail sealed when it was attached.")
            .Produces<CaseVerification>().ProducesProblem(404);
        g.MapGet("/{evidenceId:guid}/content", async (Guid id, Guid evidenceId, EvidenceDesk desk, HttpContext http, CancellationToken ct) =>
            {
                var r = await desk.OpenAsync(id, evidenceId, ct);
                if (!r.IsSuccess)
                    return r.Error!.ToProblem(http);
                return Results.File(r.Value.Content, r.Value.MediaType, r.Value.FileName, entityTag: new EntityTagHeaderValue($"\"{r.Value.Sha256}\""), enableRangeProcessing: true);
            })
            .RequirePermission(CasePermissions.Read).WithName("GetEvidenceContent")
            .WithSummary("The file as it was attached (ranges supported, for video); its ETag is its SHA-256.").ProducesProblem(404);
        g.MapPost("/{evidenceId:guid}/withdraw", async (Guid id, Guid evidenceId, WithdrawEvidenceRequest body, EvidenceDesk desk, HttpContext http, CancellationToken ct) =>
                (await desk.WithdrawAsync(id, evidenceId, body, ct)).ToResult(http))
            .RequirePermission(RecordsPermissions.WithdrawEvidence).WithName("WithdrawEvidence")
            .WithSummary("Withdraw a file with a reason: the record, the file and the reason stay; a withdrawn file no longer counts (e.g. as a seizure's audio-video record).")
            .Produces<EvidenceView>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
    }

    private static async Task<IResult> UploadAsync(Guid id, HttpRequest request, EvidenceDesk desk, EvidenceLimits limits, CancellationToken ct)
    {
        var http = request.HttpContext;
        var slack = 1024 * 1024;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limits.LargestBytes + slack;
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Result<EvidenceView>? sent = null;
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && HeaderUtilities.RemoveQuotes(type.Boundary).Value is { Length: > 0 } boundary)
        {
            var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = limits.LargestBytes + slack };
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                    continue;
                if (disposition.IsFileDisposition())
                {
                    var (meta, unreadable) = Read(fields, HeaderUtilities.RemoveQuotes(disposition.FileName).Value);
                    sent = await desk.AddAsync(id, meta, section.Body, ct, unreadable);
                    break;
                }
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                var buffer = new char[MaxFieldLength];
                using var text = new StreamReader(section.Body);
                var n = await text.ReadBlockAsync(buffer, ct);
                fields[name] = new string(buffer, 0, n);
            }
        }
        if (sent is not { } result)
        {
            var (meta, unreadable) = Read(fields, null);
            result = await desk.AddAsync(id, meta, null, ct, unreadable);
        }
        return result.IsSuccess ? Results.Created($"/api/v1/cases/{id}/evidence/{result.Value.Id}", result.Value) : result.Error!.ToProblem(http);
    }

    /// <summary>The upload's metadata from its form fields; each field that cannot be read is reported.</summary>
    internal static (EvidenceUpload Meta, ValidationError? Unreadable) Read(IReadOnlyDictionary<string, string> fields, string? fileName)
    {
        var errors = new ValidationBuilder();
        string? Text(string key) => fields.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        T? Parse<T>(string key, Func<string, (bool, T)> parse) where T : struct
        {
            if (Text(key) is not { } text)
                return null;
            var (ok, value) = parse(text);
            if (!ok)
                errors.Add(CommonErrors.FieldUnreadable(key));
            return ok ? value : null;
        }
        var kind = Parse("kind", t => (Enum.TryParse<EvidenceKind>(t, true, out var k) && Enum.IsDefined(k), k));
        var step = Parse("step", t => (Enum.TryParse<CaseAction>(t, true, out var a) && Enum.IsDefined(a), a));
        var taken = Parse("takenAt", t => (DateTime.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d), d));
        var latitude = Parse("latitude", t => (decimal.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d), d));
        var longitude = Parse("longitude", t => (decimal.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d), d));
        return (new EvidenceUpload(kind, Text("title"), step, taken, latitude, longitude, fileName), errors.Build());
    }
}
