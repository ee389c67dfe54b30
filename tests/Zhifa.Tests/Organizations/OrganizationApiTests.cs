using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;
using Zhifa.Core.Organizations;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Organizations;

/// <summary>The organisation tree over HTTP, run once on SQLite and once on PostgreSQL.</summary>
public abstract class OrganizationApiTests(ZhifaApp app)
{
    private readonly HttpClient _api = app.ApiAs("admin");

    private async Task<int> CountAsync()
    {
        await using var scope = app.Scope(out var db);
        return await db.Organizations.CountAsync();
    }

    [Fact]
    public async Task CreateRegionBodyAndUnit_AppearInTheTreeUnderTheirParents()
    {
        var code = TestData.TownshipCode();
        var regionResponse = await _api.PostJsonAsync("/api/v1/organizations/regions", new CreateRegionRequest(TestData.Name("测试镇"), code, TestData.Yuanping));
        Assert.Equal(HttpStatusCode.Created, regionResponse.StatusCode);
        var region = await regionResponse.ReadAsync<OrganizationDto>();
        Assert.Equal(RegionLevel.Township, region.RegionLevel);
        Assert.Equal($"/api/v1/organizations/{region.Id}", regionResponse.Headers.Location?.OriginalString);

        var body = await TestData.CreateBodyAsync(_api, region.Id);
        var unit = await TestData.CreateUnitAsync(_api, body.Id);
        Assert.Equal(region.Id, body.RegionId);
        Assert.Equal(body.Path + Organization.PathSegment(unit.Id) + "/", unit.Path);

        var tree = await _api.GetFromJsonAsync<List<TreeNode>>($"/api/v1/organizations/tree?rootId={region.Id}", ZhifaApp.Json);
        var root = Assert.Single(tree!);
        Assert.Equal(region.Id, root.Id);
        var bodyNode = Assert.Single(root.Children);
        Assert.Equal(body.Id, bodyNode.Id);
        Assert.Equal(unit.Id, Assert.Single(bodyNode.Children).Id);
    }

    [Fact]
    public async Task ListUnder_ReturnsExactlyTheSubtree()
    {
        var page = await _api.GetFromJsonAsync<Page<OrganizationDto>>($"/api/v1/organizations?under={DemoData.Ids.YuanpingMarket}&pageSize=500", ZhifaApp.Json);
        var market = await TestData.GetAsync(_api, DemoData.Ids.YuanpingMarket);
        Assert.NotNull(page);
        Assert.Contains(page.Items, o => o.Id == DemoData.Ids.YuanpingMarket);
        Assert.All(page.Items, o => Assert.StartsWith(market.Path, o.Path, StringComparison.Ordinal));
        await using var scope = app.Scope(out var db);
        var expected = (await db.Organizations.ToListAsync()).Count(o => o.IsActive && o.Path.StartsWith(market.Path, StringComparison.Ordinal));
        Assert.Equal(expected, page.Total);
        Assert.True(page.Total >= 7, "the market bureau, its units and its township station with its unit");
    }

    [Fact]
    public async Task Move_CarriesTheWholeSubtreeAlong()
    {
        var first = await TestData.CreateBodyAsync(_api, TestData.Yuanping);
        var second = await TestData.CreateBodyAsync(_api, TestData.Yuanping);
        var unit = await TestData.CreateUnitAsync(_api, first.Id);
        var subUnit = await TestData.CreateUnitAsync(_api, unit.Id);

        var response = await _api.PostJsonAsync($"/api/v1/organizations/{unit.Id}/move", new MoveRequest(second.Id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var moved = await response.ReadAsync<OrganizationDto>();
        Assert.Equal(second.Id, moved.ParentId);
        Assert.Equal(second.Path + Organization.PathSegment(unit.Id) + "/", moved.Path);

        var child = await TestData.GetAsync(_api, subUnit.Id);
        Assert.Equal(moved.Path + Organization.PathSegment(subUnit.Id) + "/", child.Path);
        Assert.Equal(moved.Depth + 1, child.Depth);
    }

    [Fact]
    public async Task Move_BodyToAnotherGovernment_TakesThatRegion()
    {
        var body = await TestData.CreateBodyAsync(_api, TestData.Yuanping);
        var response = await _api.PostJsonAsync($"/api/v1/organizations/{body.Id}/move", new MoveRequest(DemoData.Ids.Guoyang));
        var moved = await response.ReadAsync<OrganizationDto>();
        Assert.Equal(DemoData.Ids.Guoyang, moved.RegionId);
    }

    [Fact]
    public async Task Update_Body_ChangesItsAttributes()
    {
        var body = await TestData.CreateBodyAsync(_api, TestData.Yuanping);
        var newCode = TestData.CreditCode();
        var response = await _api.PutJsonAsync($"/api/v1/organizations/bodies/{body.Id}",
            new UpdateBodyRequest(body.Name + "（更名）", newCode.ToLowerInvariant(), BodyKind.AdministrativeOrgan, Sector.Transport, LegalStatus.GovernmentLegalPerson, "机构设置方案"));
        var updated = await response.ReadAsync<OrganizationDto>();
        Assert.Equal(newCode, updated.CreditCode);
        Assert.Equal(Sector.Transport, updated.Sector);
        Assert.EndsWith("（更名）", updated.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivate_Leaf_ThenReactivate()
    {
        var body = await TestData.CreateBodyAsync(_api, TestData.Yuanping);
        var off = await (await _api.PostAsync($"/api/v1/organizations/{body.Id}/deactivate", null)).ReadAsync<OrganizationDto>();
        Assert.False(off.IsActive);
        Assert.NotNull(off.DeactivatedAt);
        var list = await _api.GetFromJsonAsync<Page<OrganizationDto>>($"/api/v1/organizations?q={Uri.EscapeDataString(body.Name)}", ZhifaApp.Json);
        Assert.Empty(list!.Items);
        var on = await (await _api.PostAsync($"/api/v1/organizations/{body.Id}/reactivate", null)).ReadAsync<OrganizationDto>();
        Assert.True(on.IsActive);
    }

    [Fact]
    public async Task Deactivate_WithActiveChildren_IsRefused_AndNothingChanges()
    {
        var response = await _api.PostAsync($"/api/v1/organizations/{DemoData.Ids.YuanpingMarket}/deactivate", null);
        var problem = await Problem.ReadAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("org.has_active_children", problem.Code);
        Assert.True((await TestData.GetAsync(_api, DemoData.Ids.YuanpingMarket)).IsActive);
    }

    [Fact]
    public async Task Create_WithMalformedRegionCode_IsRefused_AndNothingChanges()
    {
        var before = await CountAsync();
        foreach (var code in new[] { "14098", "1409811000", "990000", "14098a", "140981000" })
        {
            var response = await _api.PostJsonAsync("/api/v1/organizations/regions", new CreateRegionRequest("错误区划", code, TestData.Yuanping));
            var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
            Assert.Equal("/problems/validation", problem.Type);
            Assert.Contains("GB/T 2260", Assert.Single(problem.For("code")), StringComparison.Ordinal);
        }
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Create_RegionWhoseCodeDoesNotExtendItsParent_IsRefused()
    {
        var response = await _api.PostJsonAsync("/api/v1/organizations/regions", new CreateRegionRequest("邻县乡镇", "140982100", TestData.Yuanping));
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("140981", Assert.Single(problem.For("code")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithDuplicateCreditCode_IsRefused_AndNothingChanges()
    {
        var existing = await TestData.GetAsync(_api, DemoData.Ids.YuanpingMarket);
        var before = await CountAsync();
        var response = await _api.PostJsonAsync("/api/v1/organizations/bodies",
            new CreateBodyRequest(TestData.Name("重复代码局"), TestData.Yuanping, existing.CreditCode!, BodyKind.AdministrativeOrgan, Sector.Transport, LegalStatus.GovernmentLegalPerson));
        var problem = await Problem.ReadAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("body.credit_code_duplicate", problem.Code);
        Assert.Contains(existing.CreditCode!, Assert.Single(problem.For("creditCode")), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Create_WithBadCreditCodeCheckCharacter_IsRefused()
    {
        var valid = TestData.CreditCode();
        var wrong = valid[..17] + (valid[17] == '0' ? '1' : '0');
        var response = await _api.PostJsonAsync("/api/v1/organizations/bodies",
            new CreateBodyRequest(TestData.Name("校验错误局"), TestData.Yuanping, wrong, BodyKind.AdministrativeOrgan, Sector.Transport, LegalStatus.GovernmentLegalPerson));
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Single(problem.For("creditCode"));
    }

    [Theory]
    [InlineData("unit-as-body-parent")]
    [InlineData("body-as-region-parent")]
    [InlineData("region-as-unit-parent")]
    [InlineData("entrusted-under-region")]
    public async Task Create_UnderParentOfTheWrongKind_IsRefused_AndNothingChanges(string scenario)
    {
        var unitId = DemoData.Ids.Unit("原平市市场监督管理局", "法规股");
        var before = await CountAsync();
        var response = scenario switch
        {
            "unit-as-body-parent" => await _api.PostJsonAsync("/api/v1/organizations/bodies",
                new CreateBodyRequest("错误上级局", unitId, TestData.CreditCode(), BodyKind.AdministrativeOrgan, Sector.Transport, LegalStatus.GovernmentLegalPerson)),
            "body-as-region-parent" => await _api.PostJsonAsync("/api/v1/organizations/regions",
                new CreateRegionRequest("错误上级镇", TestData.TownshipCode(), DemoData.Ids.YuanpingMarket)),
            "region-as-unit-parent" => await _api.PostJsonAsync("/api/v1/organizations/units",
                new CreateUnitRequest("错误上级股", TestData.Yuanping)),
            _ => await _api.PostJsonAsync("/api/v1/organizations/bodies",
                new CreateBodyRequest("错误受委托组织", TestData.Yuanping, TestData.CreditCode(), BodyKind.EntrustedOrganization, Sector.Transport, LegalStatus.InstitutionLegalPerson)),
        };
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Single(problem.For("parentId"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Move_IntoOwnSubtree_IsRefused_AndNothingChanges()
    {
        var market = await TestData.GetAsync(_api, DemoData.Ids.YuanpingMarket);
        var station = DemoData.Ids.Body("原平市市场监督管理局崞阳市场监督管理所");
        foreach (var target in new[] { station, market.Id })
        {
            var response = await _api.PostJsonAsync($"/api/v1/organizations/{market.Id}/move", new MoveRequest(target));
            var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
            Assert.Single(problem.For("newParentId"));
        }
        var after = await TestData.GetAsync(_api, market.Id);
        Assert.Equal(market.Path, after.Path);
        Assert.Equal(market.ParentId, after.ParentId);
    }

    [Fact]
    public async Task UnreadableBody_NamesTheField()
    {
        using var content = new StringContent("""{"name":"X","parentId":null,"creditCode":"x","bodyKind":"NoSuchKind"}""", System.Text.Encoding.UTF8, "application/json");
        var response = await _api.PostAsync("/api/v1/organizations/bodies", content);
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Single(problem.For("bodyKind"));
    }

    [Fact]
    public async Task Errors_AreInTheCallersLanguage()
    {
        var english = app.ApiAs("admin", "en");
        var response = await english.PostJsonAsync("/api/v1/organizations/regions", new CreateRegionRequest("X", "1", null));
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.StartsWith("The division code is malformed", Assert.Single(problem.For("code")), StringComparison.Ordinal);
        var chinese = await Problem.ReadAsync(await _api.PostJsonAsync("/api/v1/organizations/regions", new CreateRegionRequest("X", "1", null)), HttpStatusCode.BadRequest);
        Assert.StartsWith("区划代码格式不正确", Assert.Single(chinese.For("code")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownId_Answers404Problem()
    {
        var response = await _api.GetAsync($"/api/v1/organizations/{Guid.NewGuid()}");
        var problem = await Problem.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("/problems/not-found", problem.Type);
    }

    [Fact]
    public async Task SetSupervisor_MustBeAJusticeOrganOfTheRegion()
    {
        var response = await _api.PutJsonAsync($"/api/v1/organizations/regions/{TestData.Yuanping}/supervisor", new SetSupervisorRequest(DemoData.Ids.YuanpingMarket));
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Single(problem.For("bodyId"));
        var region = await TestData.GetAsync(_api, TestData.Yuanping);
        Assert.Equal(DemoData.Ids.YuanpingJustice, region.SupervisingBodyId);
    }
}

public sealed class OrganizationApiTests_Sqlite(SqliteApp fixture) : OrganizationApiTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class OrganizationApiTests_Postgres(PostgresApp fixture) : OrganizationApiTests(fixture.App), IClassFixture<PostgresApp>;
