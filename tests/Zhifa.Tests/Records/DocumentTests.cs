using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using Zhifa.Core.Cases;
using Zhifa.Core.Cases.UseCases;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;
using Zhifa.Core.Records.UseCases;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Records;

/// <summary>Issue 13: documents made from the case's data — the decision with every item of XZCF-59 and CLJZ-EXPLAIN, read back from the DOCX.</summary>
public abstract class DocumentTests(ZhifaApp app)
{
    private readonly HttpClient _officer = app.ApiAs("yp.market.officer");

    /// <summary>The demo's served and unpaid case: an 8,000-yuan fine on 山西原平宏达运输有限公司.</summary>
    private static readonly Guid Unpaid = DeterministicGuid.From("case:涉嫌销售不合格车用尿素");

    private static string TextOf(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", doc.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    [Fact]
    [Trait("Rule", "XZCF-59")]
    [Trait("Rule", "CLJZ-EXPLAIN")]
    public async Task TheDecisionDocument_CarriesEveryItemOfXZCF59_AndTheBenchmarksExplanation()
    {
        var c = (await _officer.GetFromJsonAsync<CaseDetail>($"/api/v1/cases/{Unpaid}", ZhifaApp.Json))!;
        var response = await _officer.GetAsync($"/api/v1/cases/{Unpaid}/documents/PenaltyDecision/docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        var text = TextOf(await response.Content.ReadAsByteArrayAsync());
        string[] required =
        [
            "原平市市场监督管理局", "行政处罚决定书", c.DecisionNumber!,
            "当事人：山西原平宏达运输有限公司", "住所（地址）：",                                  // 1. the party's name and address
            "违法事实：抽检车用尿素浓度不合格。", "以上事实有下列证据证明",                            // 2. the facts and the evidence
            "处罚决定：", "罚款人民币8,000元", "处罚依据：《",                                         // 3. the penalty and its legal basis
            "裁量基准适用说明：" + c.Explanation,                                                  // CLJZ-EXPLAIN
            "自收到本决定书之日起15日内", "每日按罚款数额的3%加处罚款", "不超过罚款的数额",                // 4. how and by when to pay
            "60日内向原平市人民政府申请行政复议", "6个月内依法向原平市人民法院提起行政诉讼",              // 5. the remedies
            "原平市市场监督管理局（印章）", $"{c.DecidedOn!.Value.Year}年{c.DecidedOn.Value.Month}月{c.DecidedOn.Value.Day}日", // 6. the body, the seal, the date
        ];
        Assert.All(required, item => Assert.Contains(item, text, StringComparison.Ordinal));
        Assert.NotNull(c.Explanation);
    }

    [Fact]
    public async Task TheArchivedCasesFile_BindsItsDocumentsInTheFixedOrder_WithAManifestOfEveryFilesHash()
    {
        var archived = DeterministicGuid.From("case:涉嫌使用未经检验的特种设备");
        var response = await _officer.GetAsync($"/api/v1/cases/{archived}/file");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var names = zip.Entries.Select(e => e.FullName).ToList();
        // The main volume opens with the opening approval, then the decision; the secondary volume with the lead's registration.
        Assert.StartsWith("正卷/01-立案审批表-原市监立〔", names.First(n => n.StartsWith("正卷/01-", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.StartsWith("正卷/02-行政处罚决定书-原市监罚〔", names.First(n => n.StartsWith("正卷/02-", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.StartsWith("副卷/01-案源登记表", names.First(n => n.StartsWith("副卷/01-", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(names, n => n.StartsWith("副卷/", StringComparison.Ordinal) && n.Contains("结案报告", StringComparison.Ordinal));
        Assert.Contains("目录.html", names);
        using var manifest = System.Text.Json.JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
        Assert.True(manifest.RootElement.GetProperty("locked").GetBoolean());
        var items = manifest.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(names.Count - 2, items.Count);
        foreach (var item in items)
        {
            using var entry = zip.GetEntry(item.GetProperty("path").GetString()!)!.Open();
            using var copy = new MemoryStream();
            entry.CopyTo(copy);
            Assert.Equal(item.GetProperty("sha256").GetString(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(copy.ToArray())));
        }
    }

    [Fact]
    public async Task ADocumentOfAStepNotTaken_IsRefused_AndNothingIsMade()
    {
        var lead = await _officer.PostJsonAsync("/api/v1/cases", new RegisterLeadRequest(null, LeadSource.Complaint, DeterministicGuid.From("party:原平市惠民超市有限公司"),
            TestData.Name("文书测试"), "举报。", DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(-3), null));
        var id = (await lead.ReadAsync<CaseDetail>()).Id;
        var problem = await Problem.ReadAsync(await _officer.GetAsync($"/api/v1/cases/{id}/documents/PenaltyDecision/docx"), HttpStatusCode.Conflict);
        Assert.Equal("records.step_not_taken", problem.Code);
        Assert.Contains("行政处罚决定书", problem.Detail ?? problem.Title, StringComparison.Ordinal);
        // The lead's own registration form exists.
        var docs = await _officer.GetFromJsonAsync<List<CaseDocumentRef>>($"/api/v1/cases/{id}/documents", ZhifaApp.Json);
        Assert.Equal([DocumentKind.LeadRegistration], docs!.Select(d => d.Kind));
    }

    [Fact]
    public async Task ABodysNumberingStyle_ShapesItsNextNumbers_第AndWidth()
    {
        var admin = app.ApiAs("admin");
        var settings = $"/api/v1/bodies/{DemoData.Ids.YuanpingMarket}/document-settings";
        var before = (await admin.GetFromJsonAsync<DocumentSettingsView>(settings, ZhifaApp.Json))!;
        Assert.Equal(("原市监", "原市监罚〔2026〕12号", "原平市人民政府"), (before.Prefix, before.Example, before.ReconsiderationAuthority));
        var put = await admin.PutAsJsonAsync(settings, new DocumentSettingsRequest(before.Version, null, true, 5, "中国农业银行原平市支行", "1405 0101 0400 1234", null, null));
        var after = await put.ReadAsync<DocumentSettingsView>();
        Assert.Equal("原市监罚〔2026〕第00012号", after.Example);

        var lead = await (await _officer.PostJsonAsync("/api/v1/cases", new RegisterLeadRequest(null, LeadSource.Complaint, DeterministicGuid.From("party:原平市惠民超市有限公司"),
            TestData.Name("文号测试"), "举报。", DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(-3), null))).ReadAsync<CaseDetail>();
        var opened = await (await app.ApiAs("yp.market.head").PostJsonAsync($"/api/v1/cases/{lead.Id}/actions/Open", new CaseActionRequest(Version: lead.Version)))
            .ReadAsync<CaseDetail>();
        Assert.Matches(@"^原市监立〔\d{4}〕第\d{5}号$", opened.CaseNumber!);
        // The next edit moves the version on; a write based on the version before it changes nothing.
        var moved = await (await admin.PutAsJsonAsync(settings, new DocumentSettingsRequest(after.Version, null, true, 5, "中国农业银行原平市支行", "1405 0101 0400 9999")))
            .ReadAsync<DocumentSettingsView>();
        Assert.Equal(after.Version + 1, moved.Version);
        await Problem.ReadAsync(await admin.PutAsJsonAsync(settings, new DocumentSettingsRequest(after.Version, "错")), HttpStatusCode.Conflict);
        Assert.Equal(("原市监", "1405 0101 0400 9999"), ((await admin.GetFromJsonAsync<DocumentSettingsView>(settings, ZhifaApp.Json))!.Prefix, moved.PaymentAccount));
    }
}

public sealed class DocumentTests_Sqlite(SqliteApp fixture) : DocumentTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class DocumentTests_Postgres(PostgresApp fixture) : DocumentTests(fixture.App), IClassFixture<PostgresApp>;
