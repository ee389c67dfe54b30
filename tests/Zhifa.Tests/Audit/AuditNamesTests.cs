using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Audit;
using Zhifa.Core.Modules;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web.Resources;

namespace Zhifa.Tests.Audit;

/// <summary>The audit log reads in the user's language: every entity type the trail records has a name in both languages.</summary>
public class AuditNamesTests
{
    [Fact]
    public async Task EveryAuditedEntityType_HasItsName()
    {
        using var app = new ZhifaApp(TestDatabases.Sqlite);
        await using var scope = app.Scope(out var db);
        var audited = db.Model.GetEntityTypes()
            .Where(t => !t.IsOwned() && !t.HasSharedClrType)
            .Select(t => t.ClrType)
            .Where(t => !typeof(INotAudited).IsAssignableFrom(t) && t != typeof(AuditEntry) && t != typeof(AuditCheckpoint))
            .Select(t => t.Name).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Contains("Officer", audited);
        Assert.Contains("User", audited);

        var localizer = new UiStringLocalizer();
        var missing = audited.Where(t => localizer[$"audit.entity.{t}"].ResourceNotFound).ToList();
        Assert.True(missing.Count == 0, "no name for: " + string.Join(", ", missing));
    }

    [Fact]
    public void TheDiff_ShowsOnlyChangedFields()
    {
        var diff = AuditValues.Diff("""{"Name":"甲局","Sector":"Transport","Level":1}""", """{"Name":"乙局","Sector":"Transport","Level":2}""");
        Assert.Equal([("Name", "甲局", "乙局"), ("Level", "1", "2")], diff);
        var added = AuditValues.Diff(null, """{"Name":"甲局","Note":null}""");
        Assert.Equal([("Name", (string?)null, "甲局")], added);
    }
}
