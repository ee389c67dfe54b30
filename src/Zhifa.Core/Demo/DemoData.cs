using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Common;

namespace Zhifa.Core.Demo;

/// <summary>
/// A believable slice of Shanxi, loaded into an empty database: each feature adds its part
/// (<see cref="FeatureModule.SeedDemoAsync"/>) in order, in one transaction. Ids are derived from names, so every load is identical.
/// </summary>
public sealed class DemoData(ZhifaDbContext db, IServiceProvider services, TimeProvider clock)
{
    /// <summary>The password of every demo user (listed in the README and printed when the demo data loads).</summary>
    public const string DemoPassword = "Zhifa@2026";

    /// <summary>The demo organisations' ids, from their names and codes; every feature's demo data refers to them.</summary>
    public static class Ids
    {
        public static readonly Guid Shanxi = Region("140000");
        public static readonly Guid Xinzhou = Region("140900");
        public static readonly Guid Yuanping = Region("140981");
        public static readonly Guid Guoyang = Region("140981100");
        public static readonly Guid YuanpingJustice = Body("原平市司法局");
        public static readonly Guid YuanpingMarket = Body("原平市市场监督管理局");
        public static readonly Guid YuanpingComprehensive = Body("原平市综合行政执法局");
        public static readonly Guid YuanpingTransport = Body("原平市交通运输局");
        public static readonly Guid YuanpingNaturalResources = Body("原平市自然资源局");
        public static readonly Guid YuanpingEmergency = Body("原平市应急管理局");
        public static readonly Guid XinzhouEcology = Body("忻州市生态环境局");
        public static readonly Guid YuanpingEcologyBranch = Body("忻州市生态环境局原平分局");

        public static Guid Region(string code) => DeterministicGuid.From("region:" + code);
        public static Guid Body(string name) => DeterministicGuid.From("body:" + name);
        public static Guid Unit(string body, string name) => DeterministicGuid.From("unit:" + body + "/" + name);
    }

    /// <summary>Loads the demo data unless a feature says the database already holds data. Returns whether it loaded.</summary>
    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        foreach (var module in ModuleCatalog.All)
        {
            if (await module.HasDataAsync(db, ct))
                return false;
        }
        foreach (var module in ModuleCatalog.All)
            module.PrepareDemo(services);
        var demo = new DemoContext(db, services, clock);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var module in ModuleCatalog.All)
            await module.SeedDemoAsync(demo, ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
