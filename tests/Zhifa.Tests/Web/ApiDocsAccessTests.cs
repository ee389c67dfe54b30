using System.Net;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Web;

/// <summary>The API's description (<c>/openapi/v1.json</c>) and its docs page (<c>/api-docs/</c>) follow one access rule: a signed-in user.</summary>
public class ApiDocsAccessTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private static readonly string[] Docs = ["/openapi/v1.json", "/api-docs/index.html"];

    [Fact]
    public async Task TheDescriptionAndItsPage_AnswerEveryCallerAlike()
    {
        var app = fixture.App;
        var callers = new (string Who, HttpClient Client, HttpStatusCode Expected)[]
        {
            ("anonymous", app.Api(), HttpStatusCode.Redirect),
            ("bearer", app.ApiAs("yp.market.officer"), HttpStatusCode.OK),
            ("cookie", await Forms.SignInWithCookieAsync(app, "yp.market.officer"), HttpStatusCode.OK),
        };
        foreach (var (who, client, expected) in callers)
        {
            var answers = new List<string>();
            foreach (var doc in Docs)
            {
                var response = await client.GetAsync(doc);
                answers.Add($"{(int)response.StatusCode} {response.Headers.Location?.AbsolutePath}");
                Assert.True(response.StatusCode == expected, $"{who}: {doc} answered {(int)response.StatusCode}");
            }
            // If one of them changes its rule, the two answers differ here.
            Assert.True(answers.Distinct().Count() == 1, $"{who}: {string.Join(" / ", answers)}");
        }
        var anonymous = await app.Api().GetAsync(Docs[0]);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
