using System.Net;
using System.Text;
using Zhifa.Core.Organizations;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Audit;

/// <summary>The audit page reads as people talk: names instead of ids, entity and field names in Chinese, old → new; and stays small.</summary>
public class AuditPageTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private readonly ZhifaApp _app = fixture.App;

    private static async Task<(string Html, int Bytes)> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        return (WebUtility.HtmlDecode(Encoding.UTF8.GetString(bytes)), bytes.Length);
    }

    [Fact]
    public async Task APageOfTheDemoTrail_StaysUnder100KB()
    {
        var admin = _app.ApiAs("admin");
        var (html, bytes) = await PageAsync(admin, "/audit");
        Assert.Contains("id=\"audit-table\"", html, StringComparison.Ordinal);
        Assert.True(bytes < 100 * 1024, $"the audit page is {bytes} bytes");
        var (_, second) = await PageAsync(admin, "/audit?page=2");
        Assert.True(second < 100 * 1024, $"the second audit page is {second} bytes");
    }

    [Fact]
    public async Task AChange_ShowsWhoByName_TheEntityInChinese_AndOldToNew()
    {
        var admin = _app.ApiAs("yp.admin");
        var name = "审计页面局" + TestData.Next();
        var body = await TestData.CreateBodyAsync(admin, TestData.Yuanping, name);
        var updated = await admin.PutJsonAsync($"/api/v1/organizations/bodies/{body.Id}",
            new UpdateBodyRequest(name + "（更名）", body.CreditCode!, BodyKind.AdministrativeOrgan, Sector.Transport, LegalStatus.GovernmentLegalPerson));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var (html, _) = await PageAsync(admin, "/audit?type=EnforcementBody&action=Modified");
        var row = html[html.IndexOf("<tbody>", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("原平市系统管理员", row, StringComparison.Ordinal);   // the actor's name, not only the login name
        Assert.Contains("执法主体", row, StringComparison.Ordinal);           // audit.entity.EnforcementBody
        Assert.Contains(name + "（更名）", row, StringComparison.Ordinal);    // the record named, not its id
        Assert.DoesNotContain(body.Id.ToString(), row, StringComparison.Ordinal);
        Assert.Contains("名称", row, StringComparison.Ordinal);               // audit.field.EnforcementBody.Name
        Assert.Contains($"<del>{name}</del>", row, StringComparison.Ordinal);
        Assert.Contains($"<ins>{name}（更名）</ins>", row, StringComparison.Ordinal);
        Assert.Contains("<del>市场监管</del>", row, StringComparison.Ordinal);       // enum.Sector.MarketRegulation
        Assert.DoesNotContain("CreditCode", row, StringComparison.Ordinal); // only changed fields
    }
}
