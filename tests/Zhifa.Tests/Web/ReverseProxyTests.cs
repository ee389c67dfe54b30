using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using QRCoder;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web.Common;

namespace Zhifa.Tests.Web;

/// <summary>
/// Behind a TLS-terminating proxy (<c>Zhifa:Proxy</c>): the forwarded scheme and host make the sign-in cookie Secure and
/// the certificate's QR code point at the public host; without the setting (or from an address not listed) they count for nothing.
/// </summary>
public sealed class ReverseProxyTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private const string PublicHost = "zhifa.example.gov.cn";
    private const string ProxyAddress = "10.0.0.5";
    private const string ClientAddress = "203.0.113.9";
    private const string Number = "14098120260001";

    /// <summary>The same app and database with more settings; requests arrive from <paramref name="remote"/>, as Kestrel would see them.</summary>
    private WebApplicationFactory<Program> With(IDictionary<string, string?> settings, string remote = ProxyAddress, string environment = "Testing") =>
        fixture.App.WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment);
            b.UseSetting("Zhifa:Jobs:Enabled", "false");
            foreach (var (k, v) in settings)
                b.UseSetting(k, v);
            // The test server has no connection address; this stands in for the socket's, before any of the app's middleware.
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new RemoteAddress(IPAddress.Parse(remote))));
        });

    private static HttpClient Through(WebApplicationFactory<Program> app, string host = PublicHost)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", host);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", ClientAddress);
        return client;
    }

    /// <summary>The QR code the app must draw for <paramref name="url"/>: the same generator with the same settings.</summary>
    private static byte[] QrFor(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(6);
    }

    private static async Task<string> SignInCookieAsync(HttpClient client)
    {
        var response = await Forms.SubmitAsync(client, "/account/login", "login",
            new Dictionary<string, string> { ["UserName"] = "yp.supervisor", ["Password"] = Zhifa.Core.Demo.DemoData.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("zhifa.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TrustAll_ForwardedProtoAndHost_MakeTheCookieSecure_AndTheQrCodePointAtThePublicHost()
    {
        using var app = With(new Dictionary<string, string?> { ["Zhifa:Proxy:TrustAll"] = "true" }, remote: "192.0.2.77");
        var client = Through(app);
        var cookie = await SignInCookieAsync(client);
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);

        var qr = await client.GetByteArrayAsync($"/public/certificates/{Number}/qr.png");
        Assert.Equal(QrFor($"https://{PublicHost}/public/verify?number={Number}"), qr);
    }

    [Fact]
    public async Task KnownProxy_IsBelieved_AnyOtherAddressIsNot()
    {
        var settings = new Dictionary<string, string?> { ["Zhifa:Proxy:KnownProxies"] = $"10.9.9.9; {ProxyAddress}" };
        using (var app = With(settings, remote: ProxyAddress))
        {
            var client = Through(app);
            Assert.Contains("; secure", await SignInCookieAsync(client), StringComparison.OrdinalIgnoreCase);
            Assert.Equal(QrFor($"https://{PublicHost}/public/verify?number={Number}"), await client.GetByteArrayAsync($"/public/certificates/{Number}/qr.png"));
        }
        // A client reaching the app directly cannot claim to be behind the proxy.
        using (var app = With(settings, remote: ClientAddress))
        {
            var client = Through(app);
            Assert.DoesNotContain("secure", await SignInCookieAsync(client), StringComparison.OrdinalIgnoreCase);
            Assert.Equal(QrFor($"http://localhost/public/verify?number={Number}"), await client.GetByteArrayAsync($"/public/certificates/{Number}/qr.png"));
        }
        using (var app = With(new Dictionary<string, string?> { ["Zhifa:Proxy:KnownNetworks"] = "10.0.0.0/24" }, remote: ProxyAddress))
            Assert.Equal(QrFor($"https://{PublicHost}/public/verify?number={Number}"), await Through(app).GetByteArrayAsync($"/public/certificates/{Number}/qr.png"));
    }

    [Fact]
    public async Task WithoutTheSetting_ForwardedHeadersAreIgnored()
    {
        using var app = With(new Dictionary<string, string?>());
        var client = Through(app);
        var cookie = await SignInCookieAsync(client);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(QrFor($"http://localhost/public/verify?number={Number}"), await client.GetByteArrayAsync($"/public/certificates/{Number}/qr.png"));
    }

    [Fact]
    public async Task ForwardedHost_MustBeAnAllowedHost()
    {
        using var app = With(new Dictionary<string, string?> { ["Zhifa:Proxy:TrustAll"] = "true", ["AllowedHosts"] = $"{PublicHost};localhost" });
        Assert.Equal(QrFor($"https://{PublicHost}/public/verify?number={Number}"), await Through(app).GetByteArrayAsync($"/public/certificates/{Number}/qr.png"));
        var forged = await Through(app, "evil.example").GetByteArrayAsync($"/public/certificates/{Number}/qr.png");
        var drawnFor = new[] { "https://evil.example", "http://evil.example", "https://localhost", "http://localhost" }
            .SingleOrDefault(root => QrFor($"{root}/public/verify?number={Number}").AsSpan().SequenceEqual(forged));
        // The forged host is dropped (the Host the request came with stays); the proxy's scheme still counts.
        Assert.Equal("https://localhost", drawnFor);
    }

    [Fact]
    public async Task PublicBaseUrl_WinsOverTheRequestHost()
    {
        using var app = With(new Dictionary<string, string?> { ["Zhifa:Public:BaseUrl"] = "https://zfjd.example.gov.cn/" });
        var qr = await Through(app, "other.example").GetByteArrayAsync("/public/certificates/ab-12/qr.png");
        Assert.Equal(QrFor("https://zfjd.example.gov.cn/public/verify?number=AB-12"), qr);
    }

    [Fact]
    public async Task Production_SendsHsts_OverHttpsThroughTheProxy()
    {
        using var app = With(new Dictionary<string, string?> { ["Zhifa:Proxy:TrustAll"] = "true" }, environment: "Production");
        var response = await Through(app).GetAsync("/public");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["max-age=2592000"], response.Headers.GetValues("Strict-Transport-Security"));
        Assert.Equal(["DENY"], response.Headers.GetValues("X-Frame-Options"));
        // Plain http (not through the proxy) gets no HSTS: browsers ignore it there.
        var direct = await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/public");
        Assert.False(direct.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("Zhifa:Proxy:KnownProxies", "10.0.0.300")]
    [InlineData("Zhifa:Proxy:KnownNetworks", "10.0.0.0")]
    [InlineData("Zhifa:Public:BaseUrl", "zhifa.example.gov.cn")]
    public void AWrongSetting_StopsTheStart_NamingIt(string key, string value)
    {
        using var app = With(new Dictionary<string, string?> { [key] = value });
        var error = Assert.ThrowsAny<Exception>(() => app.Server);
        Assert.Contains(key, error.ToString(), StringComparison.Ordinal);
        Assert.Contains(value, error.ToString(), StringComparison.Ordinal);
    }

    private sealed class RemoteAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate inner) =>
            {
                context.Connection.RemoteIpAddress = address;
                return inner(context);
            });
            next(app);
        };
    }
}
