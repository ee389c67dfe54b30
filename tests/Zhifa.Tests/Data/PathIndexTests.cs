using Zhifa.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Demo;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Data;

/// <summary>"This node and everything under it" is one prefix query that the path index serves, on both databases.</summary>
public abstract class PathIndexTests(ZhifaApp app)
{
    [Fact]
    public async Task SubtreeQuery_UsesThePathIndex()
    {
        await using var scope = app.Scope(out var db);
        var rootPath = await db.Organizations.Where(o => o.Id == DemoData.Ids.Yuanping).Select(o => o.Path).SingleAsync();
        var query = db.Organizations.IgnoreQueryFilters().Where(o => o.Path.StartsWith(rootPath));
        Assert.True(await query.CountAsync() > 20);

        var sql = query.ToQueryString();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        if (app.Provider == TestDatabases.Postgres)
        {
            // The table is small, so make the planner show whether the index can serve the query at all.
            await using (var off = connection.CreateCommand())
            {
                off.CommandText = "SET enable_seqscan = off";
                await off.ExecuteNonQueryAsync();
            }
            command.CommandText = "EXPLAIN " + StripParameterDeclarations(sql);
        }
        else
        {
            command.CommandText = "EXPLAIN QUERY PLAN " + StripParameterDeclarations(sql);
        }
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                plan.Add(reader.GetValue(reader.FieldCount - 1).ToString()!);
        }
        var text = string.Join("\n", plan);
        Assert.Contains("IX_Organizations_Path", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", text, StringComparison.Ordinal);
    }

    /// <summary>ToQueryString prefixes parameter declarations (-- or .param / SET); inline them as literals for EXPLAIN.</summary>
    private static string StripParameterDeclarations(string sql)
    {
        var lines = sql.Split('\n');
        var values = new Dictionary<string, string>();
        var body = new List<string>();
        foreach (var line in lines)
        {
            var t = line.Trim();
            if (t.StartsWith(".param set ", StringComparison.Ordinal))
            {
                var parts = t[".param set ".Length..].Split(' ', 2);
                values[parts[0]] = parts[1];
            }
            else if (t.StartsWith("-- ", StringComparison.Ordinal) && t.Contains('=', StringComparison.Ordinal))
            {
                var name = t[3..t.IndexOf('=', StringComparison.Ordinal)].Trim();
                var value = t[(t.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim();
                var typeAt = value.LastIndexOf(" (DbType", StringComparison.Ordinal);
                values[name] = typeAt > 0 ? value[..typeAt] : value;
            }
            else
            {
                body.Add(line);
            }
        }
        var result = string.Join("\n", body);
        foreach (var (name, value) in values.OrderByDescending(v => v.Key.Length))
            result = result.Replace(name, value, StringComparison.Ordinal);
        return result;
    }
}

public sealed class PathIndexTests_Sqlite(SqliteApp fixture) : PathIndexTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class PathIndexTests_Postgres(PostgresApp fixture) : PathIndexTests(fixture.App), IClassFixture<PostgresApp>;
