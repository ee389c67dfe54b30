using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Demo;
using Zhifa.Core.Organizations;
using Zhifa.Core.Personnel;
using Zhifa.Core.Personnel.UseCases;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Personnel;

/// <summary>
/// Issue 12 at province scale: the officer and certificate lists are counted and paged by the database. Two new bodies
/// get 30 and 300 officers named 规模…000, 规模…001, … (saved in a shuffled order) whose certificates are, by the last digit
/// of the officer's number: 0 expired, 1 suspended, 2 revoked, 3 cancelled, 4 valid with a suspension recorded ahead
/// (from the 10th day on: valid today), 5 none, 6–9 valid. Pages 1 and 3 by name and by status hold the rows worked out
/// by hand, the filters on the certificate's status count what they should, the database's page equals the page the
/// lists compute in memory, and a page of the 300 costs the same SQL commands as a page of the 30.
/// </summary>
public abstract class OfficerListScaleTests : IDisposable
{
    private static int _serial;

    private readonly ZhifaApp _app;
    private readonly ITestOutputHelper _output;
    private readonly WebApplicationFactory<Program> _counted;
    private readonly CommandCounter _commands = new();
    private readonly HttpClient _admin;

    protected OfficerListScaleTests(ZhifaApp app, ITestOutputHelper output)
    {
        _app = app;
        _output = output;
        _counted = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.ConfigureDbContext<ZhifaDbContext>(o => o.AddInterceptors(_commands))));
        _admin = _counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        _admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.IssueToken("admin"));
    }

    [Fact]
    public async Task ThreeHundredOfficers_PageByNameAndStatus_AsComputedByHand_WithTheCommandsOfThirty()
    {
        var small = await BodyWithOfficersAsync(30);
        var large = await BodyWithOfficersAsync(300);

        // By name, 20 a page: page 1 is officers 000–019, page 3 officers 040–059 (saved shuffled, so not the insertion order).
        var page1 = await OfficersAsync($"bodyId={large.Body}&sort=name&pageSize=20&page=1");
        var page3 = await OfficersAsync($"bodyId={large.Body}&sort=name&pageSize=20&page=3");
        Assert.Equal(300, page1.Total);
        Assert.Equal(300, page3.Total);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => large.Name(i)), page1.Items.Select(r => r.FullName));
        Assert.Equal(Enumerable.Range(40, 20).Select(i => large.Name(i)), page3.Items.Select(r => r.FullName));
        Assert.Equal(
            [CertificateStatus.Expired, CertificateStatus.Suspended, CertificateStatus.Revoked, CertificateStatus.Cancelled, CertificateStatus.Valid, null,
                CertificateStatus.Valid, CertificateStatus.Valid, CertificateStatus.Valid, CertificateStatus.Valid],
            page3.Items.Take(10).Select(r => r.CertificateStatus));
        var descending = await OfficersAsync($"bodyId={large.Body}&sort=-name&pageSize=20&page=3");
        Assert.Equal(Enumerable.Range(0, 20).Select(i => large.Name(259 - i)), descending.Items.Select(r => r.FullName));
        // A page past the end is empty but still counts.
        var past = await OfficersAsync($"bodyId={large.Body}&sort=name&pageSize=20&page=16");
        Assert.Equal(300, past.Total);
        Assert.Empty(past.Items);

        // The same page computed in memory (a training filter: nobody here has trained, so everyone is short) is identical.
        var inMemory = await OfficersAsync($"bodyId={large.Body}&sort=name&pageSize=20&page=3&trainingShort=true");
        Assert.Equal(300, inMemory.Total);
        Assert.Equal(page3.Items, inMemory.Items, RowComparer.Instance);

        // Filters on the current certificate's status: 30 in 300 for each last digit; the one suspended ahead is valid today.
        Assert.Equal(150, (await OfficersAsync($"bodyId={large.Body}&certificateStatus=Valid&pageSize=5")).Total);
        var suspended = await OfficersAsync($"bodyId={large.Body}&certificateStatus=Suspended&sort=name&pageSize=20&page=2");
        Assert.Equal(30, suspended.Total);
        Assert.Equal(Enumerable.Range(20, 10).Select(k => large.Name((10 * k) + 1)), suspended.Items.Select(r => r.FullName));
        // Without a certificate: expired, revoked, cancelled or none (digits 0, 2, 3, 5).
        var without = await OfficersAsync($"bodyId={large.Body}&withoutCertificate=true&sort=name&pageSize=8&page=3");
        Assert.Equal(120, without.Total);
        Assert.Equal(new[] { 40, 42, 43, 45, 50, 52, 53, 55 }.Select(large.Name), without.Items.Select(r => r.FullName));
        Assert.Equal(180, (await OfficersAsync($"bodyId={large.Body}&withoutCertificate=false&pageSize=5")).Total);

        // Certificates by status, most advanced first, 25 a page: 30 expired, 30 cancelled, 30 revoked, 30 suspended, 150 valid.
        var certificates1 = await CertificatesAsync($"bodyId={large.Body}&sort=-status&pageSize=25&page=1");
        var certificates3 = await CertificatesAsync($"bodyId={large.Body}&sort=-status&pageSize=25&page=3");
        Assert.Equal(270, certificates1.Total);
        Assert.Equal(270, certificates3.Total);
        Assert.All(certificates1.Items, c => Assert.Equal(CertificateStatus.Expired, c.Status));
        // Rows 51–75: the last 10 cancelled, then 15 revoked; within a status the tie-breaker (the id, descending with the sort).
        Assert.Equal([.. Enumerable.Repeat(CertificateStatus.Cancelled, 10), .. Enumerable.Repeat(CertificateStatus.Revoked, 15)], certificates3.Items.Select(c => c.Status));
        Assert.Equal(large.Certificates(3).OrderDescending().Skip(20), certificates3.Items.Take(10).Select(c => c.Id));
        Assert.Equal(large.Certificates(2).OrderDescending().Take(15), certificates3.Items.Skip(10).Select(c => c.Id));
        var ascending = await CertificatesAsync($"bodyId={large.Body}&sort=status&pageSize=25&page=7");
        // Rows 151–175: valid are rows 1–150, suspended 151–180.
        Assert.All(ascending.Items, c => Assert.Equal(CertificateStatus.Suspended, c.Status));
        Assert.Equal(large.Certificates(1).Order().Take(25), ascending.Items.Select(c => c.Id));
        Assert.Equal(30, (await CertificatesAsync($"bodyId={large.Body}&status=Revoked&pageSize=5")).Total);
        Assert.Equal(150, (await CertificatesAsync($"bodyId={large.Body}&status=Valid&pageSize=5")).Total);

        // The same request costs the same SQL commands for 30 officers as for 300 (page 3 of 10 rows: rows 21–30 of both).
        foreach (var list in new[] { "officers?sort=name", "officers?sort=-employment&withoutCertificate=true", "officers?sort=body&certificateStatus=Valid",
                     "certificates?sort=-status", "certificates?sort=holder&status=Valid", "certificates?sort=number&reviewOverdue=false" })
        {
            var few = await CommandsAsync($"/api/v1/{list}&bodyId={small.Body}&pageSize=5&page=2");
            var many = await CommandsAsync($"/api/v1/{list}&bodyId={large.Body}&pageSize=5&page=2");
            _output.WriteLine($"{_app.Provider} {list}: {few} commands for 30 officers, {many} for 300");
            Assert.Equal(few, many);
        }
    }

    private sealed record Roster(Guid Id, string Prefix, IReadOnlyDictionary<int, (Guid Id, CertificateStatus Status)> Issued)
    {
        public Guid Body => Id;

        public string Name(int i) => $"{Prefix}{i:D3}";

        /// <summary>The ids of the certificates of officers whose number ends in <paramref name="digit"/>.</summary>
        public IEnumerable<Guid> Certificates(int digit) => Issued.Where(p => p.Key % 10 == digit).Select(p => p.Value.Id);
    }

    /// <summary>A new body of 原平市 with <paramref name="count"/> officers and their certificates, saved by the domain's own factories.</summary>
    private async Task<Roster> BodyWithOfficersAsync(int count)
    {
        var body = (await TestData.CreateBodyAsync(_app.ApiAs("admin"), DemoData.Ids.Yuanping)).Id;
        var serial = Interlocked.Increment(ref _serial);
        var prefix = $"规模{serial}号";
        var today = PersonnelFlow.Today(_app);
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        var issued = new Dictionary<int, (Guid, CertificateStatus)>();
        await using var scope = _app.Scope(out var db);
        var protector = scope.ServiceProvider.GetRequiredService<IIdNumberProtector>();
        var pepper = scope.ServiceProvider.GetRequiredService<IdNumberPepper>().Value;
        // Shuffled: 0, 7, 14, … (7 and the count share no factor), so the order saved is not the order by name.
        foreach (var i in Enumerable.Range(0, count).Select(k => k * 7 % count))
        {
            var stored = StoredIdNumber.Create(TestData.IdNumber(), today, protector, pepper).Value;
            var officer = Officer.Register(new OfficerProfile(prefix + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), body, null, "执法队员", false, [Sector.MarketRegulation]),
                stored, _ => false, today.AddYears(-10), Fixtures.Actor, now).Value;
            db.Officers.Add(officer);
            var digit = i % 10;
            if (digit == 5)
                continue;
            var issuedOn = digit == 0 ? today.AddYears(-6) : today.AddDays(-100);
            var number = $"140981{issuedOn.Year}{(50_000 + (serial * 1_000) + i) % 100_000:D5}";
            var certificate = Certificate.Issue(new CertificateApplication(number, DemoData.Ids.Yuanping, "140981", [Sector.MarketRegulation], issuedOn, Fixtures.Actor),
                officer, Fixtures.Evidence(officer, issuedOn), PersonnelSettings.Default, _ => false, now).Value;
            var status = digit switch
            {
                0 => CertificateStatus.Expired,
                1 => Step(certificate.Suspend("暂扣", today.AddDays(-5), today.AddDays(30), Fixtures.Actor, now), CertificateStatus.Suspended),
                2 => Step(certificate.Revoke("吊销", today.AddDays(-5), Fixtures.Actor, now), CertificateStatus.Revoked),
                3 => Step(certificate.Cancel("注销", today.AddDays(-5), Fixtures.Actor, now), CertificateStatus.Cancelled),
                4 => Step(certificate.Suspend("暂扣", today.AddDays(10), today.AddDays(20), Fixtures.Actor, now), CertificateStatus.Valid),
                _ => CertificateStatus.Valid,
            };
            Assert.Equal(status, certificate.StatusOn(today));
            db.Certificates.Add(certificate);
            issued[i] = (certificate.Id, status);
        }
        await db.SaveChangesAsync();
        return new Roster(body, prefix, issued);
    }

    private static CertificateStatus Step(Result<CertificateEvent> outcome, CertificateStatus status)
    {
        Assert.True(outcome.IsSuccess);
        return status;
    }

    private async Task<Page<OfficerRow>> OfficersAsync(string query) =>
        (await _admin.GetFromJsonAsync<Page<OfficerRow>>("/api/v1/officers?" + query, ZhifaApp.Json))!;

    private async Task<Page<CertificateView>> CertificatesAsync(string query) =>
        (await _admin.GetFromJsonAsync<Page<CertificateView>>("/api/v1/certificates?" + query, ZhifaApp.Json))!;

    private async Task<int> CommandsAsync(string url)
    {
        await _admin.GetAsync(url); // warm: caches filled on a first request are not the list's cost
        _commands.Reset();
        var response = await _admin.GetAsync(url);
        var count = _commands.Count;
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return count;
    }

    /// <summary>Rows compared by every column (the fields list by its items).</summary>
    private sealed class RowComparer : IEqualityComparer<OfficerRow>
    {
        public static readonly RowComparer Instance = new();
        private static readonly Sector[] NoFields = [];

        public bool Equals(OfficerRow? x, OfficerRow? y) =>
            x is not null && y is not null && x with { Fields = NoFields } == y with { Fields = NoFields } && x.Fields.SequenceEqual(y.Fields);

        public int GetHashCode(OfficerRow obj) => obj.Id.GetHashCode();
    }

    public void Dispose()
    {
        _admin.Dispose();
        _counted.Dispose();
        GC.SuppressFinalize(this);
    }
}

[Collection(Serial.Name)]
public sealed class OfficerListScaleTests_Sqlite(SqliteApp fixture, ITestOutputHelper output) : OfficerListScaleTests(fixture.App, output), IClassFixture<SqliteApp>;

[Collection(Serial.Name)]
public sealed class OfficerListScaleTests_Postgres(PostgresApp fixture, ITestOutputHelper output) : OfficerListScaleTests(fixture.App, output), IClassFixture<PostgresApp>;
