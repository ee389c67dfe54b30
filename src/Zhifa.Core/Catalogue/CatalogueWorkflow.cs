using Zhifa.Core.Common;
using Zhifa.Core.Identity;
using static Zhifa.Core.Catalogue.CatalogueAction;
using static Zhifa.Core.Catalogue.VersionState;

namespace Zhifa.Core.Catalogue;

/// <summary>What is done to a version of a catalogue item; the last three are the system's, as consequences of other steps.</summary>
public enum CatalogueAction
{
    Edit,
    Submit,
    Return,
    Approve,
    Publish,
    /// <summary>Starts the next version as a draft copy; the published version stays in force meanwhile.</summary>
    Amend,
    Abolish,
    /// <summary>The system's: the published version ends when its successor is published.</summary>
    Supersede,
    /// <summary>The system's: the version being worked on ends with the item's abolition.</summary>
    AbolishWithItem,
    /// <summary>The system's: an item of a catalogue published before Zhifa is taken over as published (import, demo).</summary>
    TakeOver,
}

/// <summary>
/// The workflow of a catalogue item's versions as a table (<see cref="Workflow{TState, TAction}"/> states the
/// convention). An action on the item addresses one version: Edit … Publish the version being worked on, Amend and
/// Abolish the published one; where there is no such version, the latest one answers for the item's state.
/// </summary>
public static class CatalogueWorkflow
{
    /// <summary>At most one version is worked on at a time: an amendment waits until the open one is published or abolished.</summary>
    public static readonly TransitionGuard NoVersionOpen = new("CATALOGUE-ONE-VERSION", "catalogue.amendment_open");

    private const string EditItem = CataloguePermissions.CatalogueEdit;
    private const string ReviewItem = CataloguePermissions.CatalogueReview;

    public static readonly Workflow<VersionState, CatalogueAction> Table = new(
    [
        new(Draft, Edit, Draft, EditItem, Effect: "replaces the content"),
        new(Draft, Submit, Submitted, EditItem, Effect: "sent to the supervisor; needs a legal basis and a body"),
        new(Draft, AbolishWithItem, Abolished, null, Effect: "ends with the item's abolition"),
        new(Draft, TakeOver, Published, null, Effect: "taken over as published, without review, from the day given"),

        new(Returned, Edit, Returned, EditItem, Effect: "replaces the content"),
        new(Returned, Submit, Submitted, EditItem, Effect: "sent to the supervisor again"),
        new(Returned, AbolishWithItem, Abolished, null, Effect: "ends with the item's abolition"),

        new(Submitted, Return, Returned, ReviewItem, Effect: "back to the owner with the reviewer's comments"),
        new(Submitted, Approve, Approved, ReviewItem, Effect: "the owner may publish it"),
        new(Submitted, AbolishWithItem, Abolished, null, Effect: "ends with the item's abolition"),

        new(Approved, Publish, Published, EditItem, Effect: "in force from the day given, never backdated; the published version is superseded the day before"),
        new(Approved, AbolishWithItem, Abolished, null, Effect: "ends with the item's abolition"),

        new(Published, Amend, Published, EditItem, NoVersionOpen, "opens the next version as a draft copy"),
        new(Published, Abolish, Abolished, EditItem, Effect: "in force until the day before the day given; the version worked on ends with it"),
        new(Published, Supersede, Superseded, null, Effect: "in force until the day before its successor's first day"),
    ]);

    /// <summary>Whether <paramref name="guard"/> holds for the item now.</summary>
    public static bool Holds(CatalogueItem item, TransitionGuard guard)
    {
        ArgumentNullException.ThrowIfNull(item);
        return guard == NoVersionOpen ? item.Working is null
            : throw new ArgumentOutOfRangeException(nameof(guard), guard, "Not a guard of the catalogue workflow.");
    }

    /// <summary>The actions a user with <paramref name="can"/>'s permissions (in the item's owner) may take on the item now: what its page offers.</summary>
    public static IReadOnlyList<CatalogueAction> Available(CatalogueItem item, Func<string, bool> can)
    {
        ArgumentNullException.ThrowIfNull(item);
        IEnumerable<CatalogueAction> working = item.Working is { } w ? Table.Available(w.State, can) : [];
        IEnumerable<CatalogueAction> published = item.Published is { } p ? Table.Available(p.State, can, g => Holds(item, g)) : [];
        return [.. working.Concat(published).Distinct()];
    }
}
