using System.Net.Http.Headers;
using System.Net.Http.Json;
using Zhifa.Core.Common;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Identity;

/// <summary>
/// The evidence API's rows of the role matrix, on the same cases as the case API's: an archived case of 原平市市场监督管理局
/// (its file locked: nothing is added, 409) or, for the roles that see all of 原平市, the transport bureau's on-the-spot case.
/// Officers attach; officers and heads withdraw; heads, reviewers, supervisors and administrators verify; everyone reads.
/// </summary>
public abstract partial class RoleMatrixTests
{
    internal static readonly string RecordsExpected = """
        endpoint                                                               officer  legal_reviewer  agency_head  supervisor  administrator
        GET    /api/v1/cases/{id:guid}/evidence/                                200/404  200/404         200/404      200/404     200/404
        POST   /api/v1/cases/{id:guid}/evidence/                                409/404  403/403         403/403      403/403     403/403
        GET    /api/v1/cases/{id:guid}/evidence/verify                          403/403  200/404         200/404      200/404     200/404
        GET    /api/v1/cases/{id:guid}/evidence/{evidenceId:guid}/content       404/404  404/404         404/404      404/404     404/404
        POST   /api/v1/cases/{id:guid}/evidence/{evidenceId:guid}/withdraw      404/404  403/403         404/404      403/403     403/403
        POST   /api/v1/uploads/                                                 201/-    403/-           403/-        403/-       403/-
        HEAD   /api/v1/uploads/{id:guid}                                        404/-    403/-           403/-        403/-       403/-
        GET    /api/v1/uploads/{id:guid}                                        404/-    403/-           403/-        403/-       403/-
        PATCH  /api/v1/uploads/{id:guid}                                        404/-    403/-           403/-        403/-       403/-
        POST   /api/v1/cases/{id:guid}/evidence/from-upload                     400/404  403/403         403/403      403/403     403/403
        GET    /api/v1/cases/{id:guid}/service-address                          404/404  404/404         404/404      404/404     404/404
        PUT    /api/v1/cases/{id:guid}/service-address                          400/404  403/403         403/403      403/403     403/403
        GET    /api/v1/cases/{id:guid}/documents/                               200/404  200/404         200/404      200/404     200/404
        GET    /api/v1/cases/{id:guid}/documents/{kind}/docx                    200/404  200/404         200/404      409/404     409/404
        GET    /api/v1/cases/{id:guid}/file                                     200/404  200/404         200/404      200/404     200/404
        GET    /api/v1/bodies/{bodyId:guid}/document-settings/                  200/404  200/404         200/404      200/404     200/404
        PUT    /api/v1/bodies/{bodyId:guid}/document-settings/                  403/403  403/403         200/404      403/403     200/404
        GET    /api/v1/bodies/{bodyId:guid}/document-templates/                 200/404  200/404         200/404      200/404     200/404
        GET    /api/v1/bodies/{bodyId:guid}/document-templates/{kind}           200/404  200/404         200/404      200/404     200/404
        PUT    /api/v1/bodies/{bodyId:guid}/document-templates/{kind}           403/403  403/403         400/404      403/403     400/404
        """;

    private static readonly Guid NoEvidence = DeterministicGuid.From("evidence:none");

    /// <summary>A photo upload: the kind, then the file (a PNG by its content).</summary>
    internal static MultipartFormDataContent PhotoUpload(byte[]? png = null)
    {
        var form = new MultipartFormDataContent { { new StringContent("Photo"), "kind" } };
        var file = new ByteArrayContent(png ?? Zhifa.Core.Records.RecordsDemo.Png(8, 8, (byte)Random.Shared.Next(256), 10, 10));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "matrix.png");
        return form;
    }

    private static readonly Case[] RecordsCases =
    [
        new("GET /api/v1/cases/{id:guid}/evidence/",
            c => c.Client.GetAsync($"/api/v1/cases/{InCase(c)}/evidence"), c => c.Client.GetAsync($"/api/v1/cases/{OutCase(c)}/evidence")),
        new("POST /api/v1/cases/{id:guid}/evidence/",
            c => c.Client.PostAsync($"/api/v1/cases/{InCase(c)}/evidence", PhotoUpload()), c => c.Client.PostAsync($"/api/v1/cases/{OutCase(c)}/evidence", PhotoUpload())),
        new("GET /api/v1/cases/{id:guid}/evidence/verify",
            c => c.Client.GetAsync($"/api/v1/cases/{InCase(c)}/evidence/verify"), c => c.Client.GetAsync($"/api/v1/cases/{OutCase(c)}/evidence/verify")),
        new("GET /api/v1/cases/{id:guid}/evidence/{evidenceId:guid}/content",
            c => c.Client.GetAsync($"/api/v1/cases/{InCase(c)}/evidence/{NoEvidence}/content"),
            c => c.Client.GetAsync($"/api/v1/cases/{OutCase(c)}/evidence/{NoEvidence}/content")),
        new("POST /api/v1/cases/{id:guid}/evidence/{evidenceId:guid}/withdraw",
            c => c.Client.PostJsonAsync($"/api/v1/cases/{InCase(c)}/evidence/{NoEvidence}/withdraw", new { version = 0, reason = "矩阵" }),
            c => c.Client.PostJsonAsync($"/api/v1/cases/{OutCase(c)}/evidence/{NoEvidence}/withdraw", new { version = 0, reason = "矩阵" })),
        new("POST /api/v1/uploads/", c => c.Client.PostJsonAsync("/api/v1/uploads", new { length = 10, fileName = "m.png" }), null),
        new("HEAD /api/v1/uploads/{id:guid}", c => c.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/api/v1/uploads/{NoEvidence}")), null),
        new("GET /api/v1/uploads/{id:guid}", c => c.Client.GetAsync($"/api/v1/uploads/{NoEvidence}"), null),
        new("PATCH /api/v1/uploads/{id:guid}", c => c.Client.PatchAsync($"/api/v1/uploads/{NoEvidence}", new ByteArrayContent([1])), null),
        new("POST /api/v1/cases/{id:guid}/evidence/from-upload",
            c => c.Client.PostJsonAsync($"/api/v1/cases/{InCase(c)}/evidence/from-upload", new { uploadId = NoEvidence }),
            c => c.Client.PostJsonAsync($"/api/v1/cases/{OutCase(c)}/evidence/from-upload", new { uploadId = NoEvidence })),
        new("GET /api/v1/cases/{id:guid}/service-address",
            c => c.Client.GetAsync($"/api/v1/cases/{InCase(c)}/service-address"), c => c.Client.GetAsync($"/api/v1/cases/{OutCase(c)}/service-address")),
        new("PUT /api/v1/cases/{id:guid}/service-address",
            c => c.Client.PutAsJsonAsync($"/api/v1/cases/{InCase(c)}/service-address", new { version = 0 }),
            c => c.Client.PutAsJsonAsync($"/api/v1/cases/{OutCase(c)}/service-address", new { version = 0 })),
        new("GET /api/v1/cases/{id:guid}/documents/",
            c => c.Client.GetAsync($"/api/v1/cases/{InCase(c)}/documents"), c => c.Client.GetAsync($"/api/v1/cases/{OutCase(c)}/documents")),
        new("GET /api/v1/cases/{id:guid}/documents/{kind}/docx",
            c => c.Client.GetAsync($"/api/v1/cases/{InCase(c)}/documents/PenaltyDecision/docx"), c => c.Client.GetAsync($"/api/v1/cases/{OutCase(c)}/documents/PenaltyDecision/docx")),
        new("GET /api/v1/cases/{id:guid}/file",
            c => c.Client.GetAsync($"/api/v1/cases/{InCase(c)}/file"), c => c.Client.GetAsync($"/api/v1/cases/{OutCase(c)}/file")),
        new("GET /api/v1/bodies/{bodyId:guid}/document-settings/",
            c => c.Client.GetAsync($"/api/v1/bodies/{c.Role.InOrg}/document-settings"), c => c.Client.GetAsync($"/api/v1/bodies/{c.Role.OutOrg}/document-settings")),
        new("PUT /api/v1/bodies/{bodyId:guid}/document-settings/",
            c => c.Client.PutAsJsonAsync($"/api/v1/bodies/{c.Role.InOrg}/document-settings", new { version = 0 }),
            c => c.Client.PutAsJsonAsync($"/api/v1/bodies/{c.Role.OutOrg}/document-settings", new { version = 0 })),
        new("GET /api/v1/bodies/{bodyId:guid}/document-templates/",
            c => c.Client.GetAsync($"/api/v1/bodies/{c.Role.InOrg}/document-templates"), c => c.Client.GetAsync($"/api/v1/bodies/{c.Role.OutOrg}/document-templates")),
        new("GET /api/v1/bodies/{bodyId:guid}/document-templates/{kind}",
            c => c.Client.GetAsync($"/api/v1/bodies/{c.Role.InOrg}/document-templates/PenaltyDecision"),
            c => c.Client.GetAsync($"/api/v1/bodies/{c.Role.OutOrg}/document-templates/PenaltyDecision")),
        // A template naming a placeholder that does not exist: refused (400) for those who may save, so the matrix changes nothing.
        new("PUT /api/v1/bodies/{bodyId:guid}/document-templates/{kind}",
            c => c.Client.PutAsJsonAsync($"/api/v1/bodies/{c.Role.InOrg}/document-templates/Demand", new { revision = 0, text = "{{机关名称}}{{印章}}{{无此项}}" }),
            c => c.Client.PutAsJsonAsync($"/api/v1/bodies/{c.Role.OutOrg}/document-templates/Demand", new { revision = 0, text = "{{机关名称}}{{印章}}{{无此项}}" })),
    ];
}
