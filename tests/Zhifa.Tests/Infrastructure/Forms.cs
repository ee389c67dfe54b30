using System.Net;
using System.Text.RegularExpressions;

namespace Zhifa.Tests.Infrastructure;

/// <summary>Submits the app's server-rendered forms the way a browser does: antiforgery token, form name, fields.</summary>
public static partial class Forms
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, string formName, IDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var page = await client.GetStringAsync(pageUrl);
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        Assert.False(string.IsNullOrEmpty(token), $"No antiforgery token on {pageUrl}");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token, ["_handler"] = formName };
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(pageUrl, content);
    }

    /// <summary>A client with its own cookie jar, signed in through the sign-in page.</summary>
    public static async Task<HttpClient> SignInWithCookieAsync(ZhifaApp app, string userName, string password = Zhifa.Core.Demo.DemoData.DemoPassword)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await SubmitAsync(client, "/account/login", "login", new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {userName} answered {(int)response.StatusCode}");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
