using System.Net;
using Zhifa.Core.Demo;
using Zhifa.Core.Identity;
using Zhifa.Core.Organizations;
using Zhifa.Core.Personnel;
using Zhifa.Core.Personnel.UseCases;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web.Common;

namespace Zhifa.Tests.Web;

/// <summary>
/// A write reports every wrong field in one answer (issue 10): the use cases collect the field errors of the
/// placement, the numbers and the profile before they answer, instead of stopping at the first.
/// </summary>
public abstract class EveryWrongFieldTests(ZhifaApp app)
{
    private readonly HttpClient _admin = app.ApiAs("admin");

    [Fact]
    public async Task RegisterOfficer_WithAnUnknownBody_ABadCheckDigit_AndNoField_NamesAllThreeAtOnce()
    {
        var valid = TestData.IdNumber();
        var wrong = valid[..17] + (valid[17] == '0' ? '1' : '0');
        var response = await _admin.PostJsonAsync("/api/v1/officers",
            new RegisterOfficerRequest("三处错", wrong, Guid.NewGuid(), null, null, false, []));
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["bodyId", "fields", "idNumber"], problem.Errors!.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("身份证号码校验码错误，请核对。", Assert.Single(problem.For("idNumber")));
    }

    [Fact]
    public async Task CreateBody_WithAMalformedCreditCode_AndAnUnknownParent_NamesBoth()
    {
        var response = await _admin.PostJsonAsync("/api/v1/organizations/bodies",
            new CreateBodyRequest("两处错局", Guid.NewGuid(), "123", BodyKind.AdministrativeOrgan, Sector.Other, LegalStatus.GovernmentLegalPerson));
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["creditCode", "parentId"], problem.Errors!.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task CreateUser_WithABadUserName_AnUnknownOrganisation_AndAWeakPassword_NamesAllThree()
    {
        var response = await _admin.PostJsonAsync("/api/v1/users",
            new CreateUserRequest("x", "三处错", Guid.NewGuid(), "short"));
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["initialPassword", "organizationId", "userName"], problem.Errors!.Keys.Order(StringComparer.Ordinal).ToArray());
    }
}

public sealed class EveryWrongFieldTests_Sqlite(SqliteApp fixture) : EveryWrongFieldTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class EveryWrongFieldTests_Postgres(PostgresApp fixture) : EveryWrongFieldTests(fixture.App), IClassFixture<PostgresApp>;
