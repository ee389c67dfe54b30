using Zhifa.Core.Catalogue;
using Zhifa.Core.Common;
using Zhifa.Core.Identity;
using static Zhifa.Core.Discretion.BenchmarkAction;
using static Zhifa.Core.Discretion.BenchmarkStatus;

namespace Zhifa.Core.Discretion;

/// <summary>What is done to a discretion benchmark on its way to publication.</summary>
public enum BenchmarkAction
{
    /// <summary>Changes a draft's tiers (a penalty item) or exemption (a coercion item).</summary>
    Revise,
    /// <summary>备案: filed with the justice bureau that supervises the issuing region.</summary>
    File,
    Return,
    Approve,
    Publish,
}

/// <summary>
/// The discretion benchmark's workflow as a table (<see cref="Workflow{TState, TAction}"/> states the convention).
/// Editing and publishing belong to the issuer (<c>catalogue.edit</c> in the issuing body), review to the supervising
/// bureau (<c>catalogue.review</c> there). A lower level's refinement (CLJZ-LEVEL) is a new benchmark, not a step of this one.
/// </summary>
public static class BenchmarkWorkflow
{
    private const string Issuer = CataloguePermissions.CatalogueEdit;
    private const string Bureau = CataloguePermissions.CatalogueReview;

    public static readonly Workflow<BenchmarkStatus, BenchmarkAction> Table = new(
    [
        new(Draft, Revise, Draft, Issuer, Effect: "replaces the tiers or the exemption; a refinement stays within the upper tiers (CLJZ-LEVEL)"),
        new(Draft, BenchmarkAction.File, Filed, Issuer, Effect: "filed with the supervising justice bureau (备案审查)"),
        new(Filed, Return, Draft, Bureau, Effect: "back to the drafters with the bureau's comments"),
        new(Filed, Approve, Approved, Bureau, Effect: "the issuer may publish it"),
        new(Approved, Publish, Published, Issuer, Effect: "in force from the day given, never backdated"),
    ]);

    /// <summary>
    /// The actions a user may take on a benchmark in <paramref name="status"/>: <paramref name="canAsIssuer"/> answers for
    /// permissions in the issuing body, <paramref name="canAsBureau"/> for those in the supervising bureau.
    /// </summary>
    public static IReadOnlyList<BenchmarkAction> Available(BenchmarkStatus status, Func<string, bool> canAsIssuer, Func<string, bool> canAsBureau)
    {
        ArgumentNullException.ThrowIfNull(canAsIssuer);
        ArgumentNullException.ThrowIfNull(canAsBureau);
        return Table.Available(status, p => p == Bureau ? canAsBureau(p) : canAsIssuer(p));
    }
}
