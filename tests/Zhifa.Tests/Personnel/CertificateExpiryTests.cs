using Zhifa.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Demo;
using Zhifa.Core.Personnel;
using Zhifa.Core.Personnel.UseCases;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web.Personnel;

namespace Zhifa.Tests.Personnel;

/// <summary>The daily job writes the expiry the calendar implies into the certificate's history, once.</summary>
public abstract class CertificateExpiryTests(ZhifaApp app)
{
    private async Task<int> RunAsync()
    {
        await using var scope = app.Scope(out _);
        return await scope.ServiceProvider.GetRequiredService<CertificateExpiry>().RecordDueAsync();
    }

    private async Task<Certificate> CertificateAsync(Guid id)
    {
        await using var scope = app.Scope(out var db);
        return await db.Certificates.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    [Fact]
    [Trait("Rule", "ZFRY-VALID")]
    public async Task AnExpiryFallsDue_TheJobRecordsItTheDayAfterTheLastDay_AndOnlyOnce_ZFRY_VALID()
    {
        var issued = await PersonnelFlow.CertifiedOfficerAsync(app, DemoData.Ids.YuanpingMarket);
        await RunAsync();
        Assert.Equal(CertificateEventKind.Issued, (await CertificateAsync(issued.Id)).History[^1].Kind);

        // To the last day of validity: still nothing to record.
        var today = PersonnelFlow.Today(app);
        app.Clock.Advance(TimeSpan.FromDays(issued.ValidUntil.DayNumber - today.DayNumber));
        await RunAsync();
        var lastDay = await CertificateAsync(issued.Id);
        Assert.Equal(CertificateEventKind.Issued, lastDay.History[^1].Kind);
        Assert.Equal(CertificateStatus.Valid, lastDay.StatusOn(issued.ValidUntil));

        // The day after: recorded, dated that day, the stored status follows, and the audit trail has it.
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.True(await RunAsync() >= 1);
        var expired = await CertificateAsync(issued.Id);
        Assert.Equal(CertificateEventKind.Expired, expired.History[^1].Kind);
        Assert.Equal(issued.ValidUntil.AddDays(1), expired.History[^1].On);
        Assert.Equal(CertificateStatus.Expired, expired.Status);
        await using (var scope = app.Scope(out var db))
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == "CertificateEvent" && e.After!.Contains("Expired") && e.OrganizationId == DemoData.Ids.YuanpingMarket));

        // Again: nothing more.
        Assert.Equal(0, await RunAsync());
        Assert.Equal(expired.History.Count, (await CertificateAsync(issued.Id)).History.Count);
    }

    [Fact]
    public async Task TheCommand_RecordsDueExpiries_AndSaysHowMany()
    {
        var (exit, output) = await AppProcess.RunAsync("expire-certificates", app.Provider, app.ConnectionString);
        Assert.True(exit == 0, output);
        Assert.Matches(@"\d+ certificate expiry\(ies\) recorded", output);
    }
}

public sealed class CertificateExpiryTests_Sqlite(SqliteApp fixture) : CertificateExpiryTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class CertificateExpiryTests_Postgres(PostgresApp fixture) : CertificateExpiryTests(fixture.App), IClassFixture<PostgresApp>;

public class DailyJobScheduleTests
{
    [Theory]
    [InlineData("2026-11-21T16:00:00Z", 10)]   // 00:00 in China: ten minutes to go
    [InlineData("2026-11-21T16:10:00Z", 1440)] // exactly at the time: the next day's
    [InlineData("2026-11-21T15:00:00Z", 70)]   // 23:00 in China the day before
    [InlineData("2026-11-22T04:30:00Z", 700)]  // 12:30 in China
    public void TheNextRun_IsTheNextTenPastMidnightInChina(string now, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), DailyJobs.UntilNextRun(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(0, 10)));
}
