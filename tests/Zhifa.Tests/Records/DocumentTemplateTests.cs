using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Zhifa.Core.Cases;
using Zhifa.Core.Cases.UseCases;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;
using Zhifa.Core.Records;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Records;

/// <summary>
/// Issue 13: a body's templates (revisions, required items, documents keeping the wording of their day), the words of every
/// numbered kind, and the case file's page numbers.
/// </summary>
public abstract class DocumentTemplateTests(ZhifaApp app)
{
    private readonly HttpClient _officer = app.ApiAs("yp.market.officer");
    private readonly HttpClient _head = app.ApiAs("yp.market.head");
    private static readonly string Templates = $"/api/v1/bodies/{DemoData.Ids.YuanpingMarket}/document-templates";

    private static string TextOf(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText));
    }

    private async Task<CaseDetail> NewLeadAsync(string title)
    {
        var lead = await _officer.PostJsonAsync("/api/v1/cases", new RegisterLeadRequest(null, LeadSource.Complaint, DeterministicGuid.From("party:原平市惠民超市有限公司"),
            TestData.Name(title), "举报。", DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(-3), null));
        return await lead.ReadAsync<CaseDetail>();
    }

    [Fact]
    [Trait("Rule", "XZCF-59")]
    [Trait("Rule", "CLJZ-EXPLAIN")]
    public async Task ADecisionTemplate_MissingItemsOrNamingUnknownPlaceholders_IsRefusedWithEveryFault_AndNothingIsSaved()
    {
        var put = await _head.PutAsJsonAsync($"{Templates}/PenaltyDecision",
            new DocumentTemplateRequest(0, "{{机关名称}}\n{{文书名称}}\n当事人：{{当事人}}\n违法事实：{{违法事实}}\n{{罚没金额}}\n{{印章}}"));
        var problem = await Problem.ReadAsync(put, HttpStatusCode.BadRequest);
        var messages = problem.Errors!["text"];
        // The unknown one, and each of XZCF-59's items left out — the explanation of CLJZ-EXPLAIN among them.
        Assert.Contains(messages, m => m.Contains("{{罚没金额}}", StringComparison.Ordinal));
        foreach (var missing in new[] { "住所", "证据", "处罚依据", "裁量说明", "处罚内容", "缴款期限", "缴款银行", "加处罚款比例", "复议期限", "复议机关", "诉讼期限", "人民法院", "日期", "文号" })
            Assert.Contains(messages, m => m.Contains("{{" + missing + "}}", StringComparison.Ordinal));
        Assert.Equal(15, messages.Length);
        var view = (await _head.GetFromJsonAsync<DocumentTemplateView>($"{Templates}/PenaltyDecision", ZhifaApp.Json))!;
        Assert.Equal((0, false, 0), (view.Revision, view.Custom, view.History.Count));
        Assert.Equal(view.DefaultText, view.Text);
    }

    [Fact]
    public async Task ATemplate_WordsTheDocumentsOfLaterSteps_WhileEarlierOnesKeepTheirs_AndEveryRevisionIsKept()
    {
        var before = await NewLeadAsync("模板前");
        before = await (await _head.PostJsonAsync($"/api/v1/cases/{before.Id}/actions/Open", new CaseActionRequest(Version: before.Version))).ReadAsync<CaseDetail>();

        var current = (await _head.GetFromJsonAsync<DocumentTemplateView>($"{Templates}/OpeningApproval", ZhifaApp.Json))!;
        const string Wording = "{{机关名称}}\n{{文书名称}}\n{{文号}}\n本局决定对{{当事人}}涉嫌的“{{案由}}”立案调查。\n附注：{{说明}}\n{{印章}}\n{{日期}}";
        var saved = await (await _head.PutAsJsonAsync($"{Templates}/OpeningApproval", new DocumentTemplateRequest(current.Revision, Wording)))
            .ReadAsync<DocumentTemplateView>();
        Assert.Equal((current.Revision + 1, true), (saved.Revision, saved.Custom));
        // A save based on the revision before answers 409 and changes nothing.
        await Problem.ReadAsync(await _head.PutAsJsonAsync($"{Templates}/OpeningApproval", new DocumentTemplateRequest(current.Revision, Wording + "\n多余")),
            HttpStatusCode.Conflict);

        app.Clock.Advance(TimeSpan.FromSeconds(1)); // the next step is taken after the save
        var after = await NewLeadAsync("模板后");
        after = await (await _head.PostJsonAsync($"/api/v1/cases/{after.Id}/actions/Open", new CaseActionRequest(Version: after.Version))).ReadAsync<CaseDetail>();
        var newText = TextOf(await _officer.GetByteArrayAsync($"/api/v1/cases/{after.Id}/documents/OpeningApproval/docx"));
        Assert.Contains($"本局决定对原平市惠民超市有限公司涉嫌的“{after.Title}”立案调查。", newText, StringComparison.Ordinal);
        Assert.Contains("原平市市场监督管理局（印章）", newText, StringComparison.Ordinal);
        Assert.DoesNotContain("附注：", newText, StringComparison.Ordinal); // the step had no note: the line is left out
        var oldText = TextOf(await _officer.GetByteArrayAsync($"/api/v1/cases/{before.Id}/documents/OpeningApproval/docx"));
        Assert.DoesNotContain("本局决定对", oldText, StringComparison.Ordinal);
        Assert.Contains("当事人：原平市惠民超市有限公司", oldText, StringComparison.Ordinal);

        // Back to the default: a further revision, the custom one still listed.
        var reset = await (await _head.PutAsJsonAsync($"{Templates}/OpeningApproval", new DocumentTemplateRequest(saved.Revision, null))).ReadAsync<DocumentTemplateView>();
        Assert.False(reset.Custom);
        Assert.Equal([(saved.Revision + 1, false), (saved.Revision, true)], reset.History.Take(2).Select(h => (h.Revision, h.Custom)));
        Assert.Contains("本局决定对", TextOf(await _officer.GetByteArrayAsync($"/api/v1/cases/{after.Id}/documents/OpeningApproval/docx")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOfficer_MayReadTemplates_ButNotChangeThem()
    {
        var list = await _officer.GetFromJsonAsync<List<DocumentTemplateSummary>>(Templates, ZhifaApp.Json);
        Assert.Contains(list!, t => t.Kind == DocumentKind.PenaltyDecision);
        var put = await _officer.PutAsJsonAsync($"{Templates}/Demand", new DocumentTemplateRequest(0, "{{机关名称}}\n{{印章}}"));
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
    }

    [Fact]
    public async Task EveryNumberedKind_GetsItsNumberInTheBodysWord_AndAWordTwoKindsWouldShare_IsRefused()
    {
        var settings = $"/api/v1/bodies/{DemoData.Ids.YuanpingMarket}/document-settings";
        var admin = app.ApiAs("admin");
        var view = (await admin.GetFromJsonAsync<DocumentSettingsView>(settings, ZhifaApp.Json))!;
        Assert.Equal("先处", view.Words.Single(w => w.Kind == DocumentKind.EvidenceDisposalDecision).Word);
        Assert.DoesNotContain(view.Words, w => w.Kind == DocumentKind.StatementRecord); // a record carries no number

        var clash = await admin.PutAsJsonAsync(settings, new DocumentSettingsRequest(view.Version, Words: new Dictionary<DocumentKind, string>
        {
            [DocumentKind.EvidenceDisposalDecision] = "罚", [DocumentKind.StatementRecord] = "笔", [DocumentKind.Demand] = "催告12",
        }));
        var problem = await Problem.ReadAsync(clash, HttpStatusCode.BadRequest);
        Assert.Equal(["words.Demand", "words.EvidenceDisposalDecision", "words.StatementRecord"], problem.Errors!.Keys.Order(StringComparer.Ordinal));

        var set = await admin.PutAsJsonAsync(settings, new DocumentSettingsRequest(view.Version, Words: new Dictionary<DocumentKind, string>
        {
            [DocumentKind.EvidenceDisposalDecision] = "先行处理",
        }));
        Assert.Equal("原市监先行处理〔2026〕12号", (await set.ReadAsync<DocumentSettingsView>()).Words.Single(w => w.Kind == DocumentKind.EvidenceDisposalDecision).Example);

        // The demo's case with evidence registered for preservation: its disposal is numbered in the new word.
        var id = DeterministicGuid.From("case:涉嫌使用超过保质期的食品原料");
        var c = (await _officer.GetFromJsonAsync<CaseDetail>($"/api/v1/cases/{id}", ZhifaApp.Json))!;
        Assert.Matches(@"^原市监先保〔\d{4}〕\d+号$", c.Timeline.Last(e => e.Action == CaseAction.RegisterEvidence).DocumentNumber!);
        var disposed = await (await _officer.PostJsonAsync($"/api/v1/cases/{id}/actions/DisposeEvidence",
            new CaseActionRequest(Version: c.Version, Note: "过期冻肉依法销毁"))).ReadAsync<CaseDetail>();
        Assert.Matches(@"^原市监先行处理〔\d{4}〕1号$", disposed.Timeline.Last().DocumentNumber!);
    }

    [Fact]
    public async Task ADecisionMadeBefore_KeepsTheBankAndCourtOfItsDay_WhenTheBodyChangesThem()
    {
        var unpaid = DeterministicGuid.From("case:涉嫌销售不合格车用尿素");
        var settings = $"/api/v1/bodies/{DemoData.Ids.YuanpingMarket}/document-settings";
        var admin = app.ApiAs("admin");
        var view = (await admin.GetFromJsonAsync<DocumentSettingsView>(settings, ZhifaApp.Json))!;
        var changed = await (await admin.PutAsJsonAsync(settings, new DocumentSettingsRequest(view.Version, PaymentBank: "晋北农商银行", PaymentAccount: "6200 0000 0001",
            Court: "忻州市中级人民法院"))).ReadAsync<DocumentSettingsView>();
        Assert.Equal("晋北农商银行", changed.PaymentBank);
        var text = TextOf(await _officer.GetByteArrayAsync($"/api/v1/cases/{unpaid}/documents/PenaltyDecision/docx"));
        Assert.DoesNotContain("晋北农商银行", text, StringComparison.Ordinal);
        Assert.DoesNotContain("忻州市中级人民法院", text, StringComparison.Ordinal);
        Assert.Contains("到指定的代收银行或者通过电子支付系统缴纳罚款", text, StringComparison.Ordinal);
        Assert.Contains("向原平市人民法院提起行政诉讼", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCaseFile_NumbersEveryPage_EachVolumeFromOne_InTheContentsAndInTheDocumentsFooters()
    {
        var archived = DeterministicGuid.From("case:涉嫌使用未经检验的特种设备");
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await _officer.GetByteArrayAsync($"/api/v1/cases/{archived}/file")));
        using var manifest = System.Text.Json.JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
        var items = manifest.RootElement.GetProperty("items").EnumerateArray().ToList();
        foreach (var volume in new[] { "Main", "Secondary" })
        {
            var next = 1;
            foreach (var item in items.Where(i => i.GetProperty("volume").GetString() == volume).OrderBy(i => i.GetProperty("sequence").GetInt32()))
            {
                var (first, last, pages) = (item.GetProperty("firstPage").GetInt32(), item.GetProperty("lastPage").GetInt32(), item.GetProperty("pages").GetInt32());
                Assert.Equal(next, first);
                Assert.True(pages >= 1);
                Assert.Equal(first + pages - 1, last);
                next = last + 1;
                var path = item.GetProperty("path").GetString()!;
                if (path.EndsWith(".docx", StringComparison.Ordinal))
                {
                    using var copy = new MemoryStream();
                    using (var entry = zip.GetEntry(path)!.Open())
                        entry.CopyTo(copy);
                    using var doc = WordprocessingDocument.Open(copy, false);
                    var section = doc.MainDocumentPart!.Document.Body!.Elements<SectionProperties>().Single();
                    Assert.Equal(first, section.GetFirstChild<PageNumberType>()!.Start!.Value);
                    Assert.Contains("PAGE", doc.MainDocumentPart.FooterParts.Single().Footer!.InnerXml, StringComparison.Ordinal);
                }
            }
            Assert.True(next > 1, volume);
        }
        using var reader = new StreamReader(zip.GetEntry("目录.html")!.Open());
        Assert.Contains("<th>页号</th>", await reader.ReadToEndAsync(), StringComparison.Ordinal);
    }
}

public sealed class DocumentTemplateTests_Sqlite(SqliteApp fixture) : DocumentTemplateTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class DocumentTemplateTests_Postgres(PostgresApp fixture) : DocumentTemplateTests(fixture.App), IClassFixture<PostgresApp>;
