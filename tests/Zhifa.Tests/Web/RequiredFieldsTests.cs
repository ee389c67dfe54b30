using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Audit;
using Zhifa.Core.Catalogue;
using Zhifa.Core.Demo;
using Zhifa.Core.Discretion;
using Zhifa.Core.Identity;
using Zhifa.Core.Organizations;
using Zhifa.Core.Personnel;
using Zhifa.Tests.Identity;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web.Common;

namespace Zhifa.Tests.Web;

/// <summary>
/// Required fields are required everywhere in the API: every write that takes a JSON body refuses an empty one with a
/// 400 naming the wrong fields, changes nothing and never answers 5xx; and a few bodies by hand, with exactly the wrong
/// fields expected.
/// </summary>
public abstract class RequiredFieldsTests(ZhifaApp app)
{
    /// <summary>
    /// The writes whose body may be empty: every field of it has a default, so <c>{}</c> is a request in its own right
    /// (a token named "api", publish from the earliest day, abolish from today, revise nothing — which the use case refuses).
    /// Written by hand: a new body without a required field fails the sweep until it is added here.
    /// </summary>
    private static readonly string[] EmptyBodyIsARequest =
    [
        "POST /api/v1/auth/tokens",
        "POST /api/v1/benchmarks/{id:guid}/publish",
        "PUT /api/v1/benchmarks/{id:guid}",
        "POST /api/v1/catalogue/{id:guid}/abolish",
        "POST /api/v1/catalogue/{id:guid}/publish",
        "POST /api/v1/messages/read",
    ];

    private static bool IsWrite(string route) =>
        route.StartsWith("POST /api/v1/", StringComparison.Ordinal) || route.StartsWith("PUT /api/v1/", StringComparison.Ordinal)
        || route.StartsWith("PATCH /api/v1/", StringComparison.Ordinal);

    /// <summary>The writes under /api/v1 that read a JSON body, with the body's type.</summary>
    private IReadOnlyList<(string Route, Type Body, string? Permission)> JsonWrites() =>
        EndpointAuthorizationTests.Endpoints(app).Where(e => IsWrite(e.Route))
            .Select(e => (e.Route, Accepts: e.Endpoint.Metadata.GetMetadata<IAcceptsMetadata>(),
                Permission: e.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy)
                    .FirstOrDefault(p => p?.StartsWith(Policies.PermissionPrefix, StringComparison.Ordinal) == true)?[Policies.PermissionPrefix.Length..]))
            .Where(e => e.Accepts is { RequestType: not null } a && a.ContentTypes.Contains("application/json"))
            .Select(e => (e.Route, e.Accepts!.RequestType!, e.Permission))
            .ToList();

    private async Task<int> AuditCountAsync()
    {
        await using var scope = app.Scope(out var db);
        return await db.AuditEntries.CountAsync();
    }

    /// <summary>A demo user holding the permission (the administrator for "any signed-in user").</summary>
    private async Task<string> UserWithAsync(string? permission, Dictionary<string, IReadOnlyList<string>> permissions)
    {
        foreach (var demo in IdentityDemo.Users)
        {
            if (!permissions.TryGetValue(demo.UserName, out var held))
                permissions[demo.UserName] = held = (await app.ApiAs(demo.UserName).GetFromJsonAsync<Zhifa.Web.Identity.MeDto>("/api/v1/auth/me", ZhifaApp.Json))!.Permissions;
            if (permission is null ? demo.UserName == "admin" : held.Contains(permission))
                return demo.UserName;
        }
        throw new Xunit.Sdk.XunitException($"No demo user holds {permission}");
    }

    /// <summary>Ids of real demo records for the route's parameters, so that an empty body is the only thing wrong.</summary>
    private async Task<string> FillAsync(string route)
    {
        await using var scope = app.Scope(out var db);
        var path = route.Split(' ', 2)[1];
        var byPrefix = new (string Prefix, Func<Task<Guid>> Id)[]
        {
            ("/api/v1/users/", () => Task.FromResult(DeterministicId("user:yp.transport.officer"))),
            ("/api/v1/roles/", () => Task.FromResult(EnsureRoleTemplates.IdOf(RoleTemplates.Officer))),
            ("/api/v1/officers/", () => Task.FromResult(PersonnelFlow.DemoOfficer("张伟"))),
            ("/api/v1/certificates/", () => Task.FromResult(PersonnelFlow.DemoCertificate("孙浩"))),
            ("/api/v1/exams/", () => db.ExamSessions.Select(s => s.Id).FirstAsync()),
            ("/api/v1/training/courses/", () => db.TrainingCourses.Select(c => c.Id).FirstAsync()),
            ("/api/v1/training/sessions/", () => db.TrainingSessions.Select(s => s.Id).FirstAsync()),
            ("/api/v1/catalogue/", () => Task.FromResult(Catalogue.CatalogueApi.DraftItem)),
            ("/api/v1/benchmarks/", () => Task.FromResult(Catalogue.CatalogueApi.Benchmark("market-126"))),
            ("/api/v1/organizations/regions/", () => Task.FromResult(DemoData.Ids.Yuanping)),
            ("/api/v1/organizations/units/", () => db.Units.Where(u => u.ParentId == DemoData.Ids.YuanpingMarket).Select(u => u.Id).FirstAsync()),
            ("/api/v1/organizations/", () => Task.FromResult(DemoData.Ids.YuanpingMarket)),
            ("/api/v1/personnel/settings/", () => Task.FromResult(DemoData.Ids.Yuanping)),
            ("/api/v1/parties/", () => Task.FromResult(DeterministicId("party:原平市惠民超市有限公司"))),
            // A case of the market bureau investigating (every demo user with a case permission is of that bureau).
            ("/api/v1/cases/", () => Task.FromResult(DeterministicId("case:涉嫌使用超过保质期的食品原料"))),
            // An upload no one opened: its writes answer 404, never a 5xx.
            ("/api/v1/uploads/", () => Task.FromResult(DeterministicId("upload:none"))),
            // Inspections, plans and draws no one made: refused for their body before any lookup.
            ("/api/v1/inspection-plans/", () => Task.FromResult(DeterministicId("inspection:none"))),
            ("/api/v1/inspection-draws/", () => Task.FromResult(DeterministicId("inspection:none"))),
            ("/api/v1/inspections/", () => Task.FromResult(DeterministicId("inspection:none"))),
        };
        // A year's schedule is addressed by the year: a shipped one. A body's settings by the market bureau; a piece of evidence by the demo photo.
        path = path.Replace("{year:int}", "2026", StringComparison.Ordinal)
            .Replace("{bodyId:guid}", DemoData.Ids.YuanpingMarket.ToString(), StringComparison.Ordinal)
            .Replace("{kind}", "Demand", StringComparison.Ordinal)
            .Replace("{code}", "ZZZZZZZZ", StringComparison.Ordinal)
            .Replace("{itemId:guid}", DeterministicId("catalogue:140981JC01001").ToString(), StringComparison.Ordinal)
            .Replace("{evidenceId:guid}", DeterministicId("evidence:涉嫌使用超过保质期的食品原料:后厨冷库过期冻肉（全景）").ToString(), StringComparison.Ordinal);
        if (!path.Contains('{', StringComparison.Ordinal))
            return path;
        var (_, id) = byPrefix.FirstOrDefault(p => path.StartsWith(p.Prefix, StringComparison.Ordinal));
        Assert.True(id is not null, $"No demo id for {route}: add one");
        var value = (await id()).ToString();
        return path.Replace("{id:guid}", value, StringComparison.Ordinal).Replace("{regionId:guid}", value, StringComparison.Ordinal);
    }

    private static Guid DeterministicId(string key) => Zhifa.Core.Common.DeterministicGuid.From(key);

    [Fact]
    public async Task EveryJsonWrite_RefusesAnEmptyBody_Naming_TheWrongFields_AndChangesNothing()
    {
        var writes = JsonWrites();
        Assert.True(writes.Count >= 40, $"only {writes.Count} JSON writes found");
        // Which bodies may be empty is the hand list, no more and no fewer.
        Assert.Equal(EmptyBodyIsARequest.Order(StringComparer.Ordinal),
            writes.Where(w => !RequestShape.FieldsOf(w.Body).Any(f => f.MustSend)).Select(w => w.Route).Order(StringComparer.Ordinal));

        var permissions = new Dictionary<string, IReadOnlyList<string>>();
        var failures = new List<string>();
        foreach (var (route, body, permission) in writes.Where(w => !EmptyBodyIsARequest.Contains(w.Route)))
        {
            var client = app.ApiAs(await UserWithAsync(permission, permissions));
            var url = await FillAsync(route);
            var before = await AuditCountAsync();
            using var request = new HttpRequestMessage(new HttpMethod(route.Split(' ')[0]), url) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var after = await AuditCountAsync();
            if (response.StatusCode != HttpStatusCode.BadRequest || !text.Contains("\"errors\"", StringComparison.Ordinal))
                failures.Add($"{route} ({body.Name}) answered {(int)response.StatusCode}: {text}");
            else if (after != before)
                failures.Add($"{route} wrote {after - before} audit entries");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task EveryOtherWrite_AnswersAJsonBodyWithoutA5xx()
    {
        // Writes that read a file (imports): an empty JSON body instead is the caller's mistake, never the server's.
        var forms = EndpointAuthorizationTests.Endpoints(app).Where(e => IsWrite(e.Route)
            && e.Endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is { } a && !a.ContentTypes.Contains("application/json")).Select(e => e.Route).ToList();
        Assert.NotEmpty(forms);
        var permissions = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var route in forms)
        {
            var permission = EndpointAuthorizationTests.Endpoints(app).First(e => e.Route == route).Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
                .Select(a => a.Policy).FirstOrDefault(p => p?.StartsWith(Policies.PermissionPrefix, StringComparison.Ordinal) == true)?[Policies.PermissionPrefix.Length..];
            var client = app.ApiAs(await UserWithAsync(permission, permissions));
            var before = await AuditCountAsync();
            var response = await client.PostAsync(await FillAsync(route) + (route.Contains("/catalogue/import", StringComparison.Ordinal) ? $"?ownerId={DemoData.Ids.YuanpingMarket}" : ""),
                new StringContent("{}", Encoding.UTF8, "application/json"));
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{route} answered {(int)response.StatusCode}");
            Assert.Equal(before, await AuditCountAsync());
        }
    }

    [Fact]
    public void EveryStringAndList_HasAMaximum_AndEveryNumberARange()
    {
        var missing = new List<string>();
        var seen = new HashSet<Type>();
        void Visit(Type type, string where)
        {
            if (!seen.Add(type))
                return;
            foreach (var field in RequestShape.FieldsOf(type))
            {
                var t = field.ValueType;
                var element = RequestShape.ElementOf(t);
                if ((t == typeof(string) || element is not null) && field.MaxLength is null)
                    missing.Add($"{where}.{field.Name}: no [MaxLength]");
                if ((t == typeof(int) || t == typeof(long) || t == typeof(decimal) || t == typeof(double)) && field.Range is null)
                    missing.Add($"{where}.{field.Name}: no [Range]");
                if (RequestShape.IsRecord(element ?? t))
                    Visit(Nullable.GetUnderlyingType(element ?? t) ?? element ?? t, $"{where}.{field.Name}");
            }
        }
        foreach (var (route, body, _) in JsonWrites())
            Visit(body, $"{route} {body.Name}");
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    // By hand: the exact wrong fields of a few bodies.

    private static async Task<string[]> WrongFieldsAsync(HttpResponseMessage response)
    {
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("error.validation", problem.Code);
        return problem.Errors!.Keys.Order(StringComparer.Ordinal).ToArray();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task ATrainingSession_NeedsItsDates_AndNoneIsAddedWithout()
    {
        Guid course;
        int sessions;
        await using (var scope = app.Scope(out var db))
        {
            course = await db.TrainingCourses.Select(c => c.Id).FirstAsync();
            sessions = await db.TrainingSessions.CountAsync();
        }
        var admin = app.ApiAs("admin");
        Assert.Equal(["endsOn", "startsOn"], await WrongFieldsAsync(await admin.PostAsync($"/api/v1/training/courses/{course}/sessions", Json("{}"))));
        // What a missing date used to read as, and nonsense around it.
        var problem = await Problem.ReadAsync(await admin.PostAsync($"/api/v1/training/courses/{course}/sessions",
            Json("""{"startsOn":"0001-01-01","endsOn":"9999-12-31","hours":-3}""")), HttpStatusCode.BadRequest);
        Assert.Equal(["endsOn", "hours", "startsOn"], problem.Errors!.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("日期须在 1900 年至 2199 年之间。", Assert.Single(problem.For("startsOn")));
        Assert.Equal("须大于 0，且不超过 200。", Assert.Single(problem.For("hours")));
        await using (var scope = app.Scope(out var db))
            Assert.Equal(sessions, await db.TrainingSessions.CountAsync());
        // And in English for a client that asks for it.
        var english = await Problem.ReadAsync(await app.ApiAs("admin", "en").PostAsync($"/api/v1/training/courses/{course}/sessions", Json("{}")), HttpStatusCode.BadRequest);
        Assert.Equal("Required.", Assert.Single(english.For("startsOn")));
    }

    [Fact]
    public async Task ACourse_ListsEveryWrongField_AtOnce()
    {
        var response = await app.ApiAs("admin").PostAsync("/api/v1/training/courses",
            Json("""{"name":"  ","category":99,"hours":-1,"organizerId":"00000000-0000-0000-0000-000000000000"}"""));
        Assert.Equal(["category", "hours", "name", "organizerId"], await WrongFieldsAsync(response));
        var longName = await app.ApiAs("admin").PostAsync("/api/v1/training/courses",
            Json($$"""{"name":"{{new string('课', 101)}}","category":"Business","hours":8,"organizerId":"{{DemoData.Ids.YuanpingJustice}}"}"""));
        Assert.Equal(["name"], await WrongFieldsAsync(longName));
    }

    [Fact]
    public async Task AnOfficer_NeedsEveryFieldOfTheRegistry_EvenTheNullOnes()
    {
        Assert.Equal(["bodyId", "fields", "fullName", "hasLegalQualification", "idNumber", "post", "unitId"],
            await WrongFieldsAsync(await app.ApiAs("admin").PostAsync("/api/v1/officers", Json("{}"))));
        // Null is an answer for the unit and the post, not for the fields (a list, possibly empty) or the qualification.
        Assert.Equal(["fields", "hasLegalQualification"], await WrongFieldsAsync(await app.ApiAs("admin").PostAsync("/api/v1/officers",
            Json($$"""{"fullName":"王五","idNumber":"{{TestData.IdNumber()}}","bodyId":"{{DemoData.Ids.YuanpingMarket}}","unitId":null,"post":null,"hasLegalQualification":null,"fields":null}"""))));
    }

    [Fact]
    public async Task ACatalogueItem_IsCheckedIntoItsNestedContent()
    {
        var body = $$$"""
            {"ownerId":"{{{DemoData.Ids.YuanpingMarket}}}","code":"T{{{TestData.Next()}}}",
             "content":{"name":"测试","kind":"Penalty","settingLevel":"County",
                        "bases":[{"lawName":"","article":"第一条"},null],
                        "bodyIds":["00000000-0000-0000-0000-000000000000"]}}
            """;
        Assert.Equal(["content.bases[0].clause", "content.bases[0].lawName", "content.bases[0].text", "content.bases[1]", "content.bodyIds[0]"],
            await WrongFieldsAsync(await app.ApiAs("yp.market.head").PostAsync("/api/v1/catalogue", Json(body))));
    }

    [Fact]
    public async Task PersonnelSettings_AreReplacedWhole_NeverResetByOmission()
    {
        var head = app.ApiAs("admin");
        var before = await head.GetStringAsync($"/api/v1/personnel/settings/{DemoData.Ids.Yuanping}");
        Assert.Equal(["annualReviewDueBy", "certificateNumberPattern", "certificateValidityYears", "examFullScore", "examPassMark", "preCertificationTrainingMonths", "training"],
            await WrongFieldsAsync(await head.PutAsync($"/api/v1/personnel/settings/{DemoData.Ids.Yuanping}", Json("{}"))));
        var nested = """
            {"examPassMark":60,"examFullScore":100,"certificateValidityYears":50,"annualReviewDueBy":{"month":13,"day":1},
             "certificateNumberPattern":"{region}{year}{seq:5}","training":{"totalHours":-5},"preCertificationTrainingMonths":12}
            """;
        Assert.Equal(["annualReviewDueBy.month", "certificateValidityYears", "training.businessHours", "training.politicalTheoryHours", "training.publicLegalHours", "training.totalHours"],
            await WrongFieldsAsync(await head.PutAsync($"/api/v1/personnel/settings/{DemoData.Ids.Yuanping}", Json(nested))));
        Assert.Equal(before, await head.GetStringAsync($"/api/v1/personnel/settings/{DemoData.Ids.Yuanping}"));
    }

    [Fact]
    public async Task AbsurdNumbers_UnknownChoices_AndOverlongText_Are400_Never500()
    {
        var admin = app.ApiAs("admin");
        var user = DeterministicId("user:yp.transport.officer");
        Assert.Equal(["scope"], await WrongFieldsAsync(await admin.PostAsync($"/api/v1/users/{user}/assignments",
            Json($$"""{"roleId":"{{EnsureRoleTemplates.IdOf(RoleTemplates.Officer)}}","organizationId":"{{DemoData.Ids.YuanpingTransport}}","scope":42}"""))));
        Assert.Equal(["name", "parentId"], await WrongFieldsAsync(await admin.PostAsync("/api/v1/organizations/units",
            Json($$"""{"name":"{{new string('股', 5000)}}"}"""))));
        Assert.Equal(["year"], await WrongFieldsAsync(await app.ApiAs("yp.supervisor").PostAsync($"/api/v1/certificates/{PersonnelFlow.DemoCertificate("孙浩")}/actions",
            Json("""{"action":"PassReview","year":0}"""))));
        Assert.Equal(["score"], await WrongFieldsAsync(await app.ApiAs("yp.supervisor").PostAsync(
            $"/api/v1/exams/{await FirstExamAsync()}/results", Json($$"""{"officerId":"{{PersonnelFlow.DemoOfficer("张伟")}}","score":1e9}"""))));
        Assert.Equal(["fineAmount", "kinds"], await WrongFieldsAsync(await app.ApiAs("yp.market.officer").PostAsync("/api/v1/discretion/check",
            Json($$"""{"itemId":"{{Catalogue.CatalogueApi.Food126}}","fineAmount":-1}"""))));
        Assert.Equal(["newParentId"], await WrongFieldsAsync(await admin.PostAsync($"/api/v1/organizations/{DemoData.Ids.YuanpingMarket}/move", Json("{}"))));
        Assert.Equal(["password", "userName"], await WrongFieldsAsync(await app.Api().PostAsync("/api/v1/auth/token", Json("{}"))));
    }

    private async Task<Guid> FirstExamAsync()
    {
        await using var scope = app.Scope(out var db);
        return await db.ExamSessions.Select(s => s.Id).FirstAsync();
    }
}

public sealed class RequiredFieldsTests_Sqlite(SqliteApp fixture) : RequiredFieldsTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class RequiredFieldsTests_Postgres(PostgresApp fixture) : RequiredFieldsTests(fixture.App), IClassFixture<PostgresApp>;
