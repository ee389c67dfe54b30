using static Zhifa.Core.Inspections.InspectionAction;
using static Zhifa.Core.Inspections.InspectionState;

namespace Zhifa.Core.Inspections;

/// <summary>What is done to an inspection (a row of <see cref="InspectionWorkflow.Table"/> each, or several).</summary>
public enum InspectionAction
{
    /// <summary>Filed before the visit (涉企检查备案): it gets its code.</summary>
    File,
    /// <summary>Filed at the enterprise's yearly cap with a reason (SSJ-FREQ): it waits for the head's approval.</summary>
    FileOverCap,
    /// <summary>The head approves a visit over the cap: filed with its code.</summary>
    ApproveOverCap,
    /// <summary>The visit's record (现场检查笔录) with a result per item; its publication falls due (SSJ-PUB). Without a code, flagged.</summary>
    RecordVisit,
    /// <summary>The result published (SSJ-PUB).</summary>
    Publish,
    /// <summary>A finding made a lead (案源) of the body.</summary>
    MakeLead,
    /// <summary>A photo of the visit added.</summary>
    AddPhoto,
    /// <summary>Merged with other bodies' tasks for the enterprise into one visit (综合查一次).</summary>
    Merge,
    /// <summary>Replaced by a re-draw of its draw, with the re-draw's reason.</summary>
    Cancel,
}

/// <summary>One row of the inspection's table: from a state an action leads to a state, for those holding <see cref="Permission"/>.</summary>
public sealed record InspectionStep(InspectionState From, InspectionAction Action, InspectionState To, string Permission, string? RuleId = null);

/// <summary>
/// The inspection's workflow, declared once as data (DESIGN.md "Workflows are tables"): every step of <c>InspectionDesk</c>,
/// <c>InspectionPlans</c> and <c>InspectionPhotos</c> is allowed by a row here and moves the state only through
/// <see cref="Apply"/>; the page offers an action where the table allows it; a hand-written table in the tests pins it.
/// </summary>
public static class InspectionWorkflow
{
    private const string Handle = InspectionPermissions.Handle;

    public static readonly IReadOnlyList<InspectionStep> Table =
    [
        new(Planned, InspectionAction.File, Filed, Handle),
        new(Planned, FileOverCap, AwaitingApproval, Handle, "SSJ-FREQ"),
        new(AwaitingApproval, ApproveOverCap, Filed, InspectionPermissions.Approve, "SSJ-FREQ"),
        new(Filed, RecordVisit, Recorded, Handle, "SSJ-PUB"),
        // A visit made without a filed code is recorded all the same, and flagged to the supervisor.
        new(Planned, RecordVisit, Recorded, Handle, "SSJ-PUB"),
        new(Recorded, Publish, Published, Handle, "SSJ-PUB"),
        new(Recorded, MakeLead, Recorded, Handle),
        new(Published, MakeLead, Published, Handle),
        new(Planned, AddPhoto, Planned, Handle),
        new(AwaitingApproval, AddPhoto, AwaitingApproval, Handle),
        new(Filed, AddPhoto, Filed, Handle),
        new(Recorded, AddPhoto, Recorded, Handle),
        new(Planned, Merge, Planned, InspectionPermissions.Supervise),
        new(Planned, Cancel, Cancelled, InspectionPermissions.Plan, "SSJ-DRAW"),
    ];

    public static InspectionStep? Find(InspectionState from, InspectionAction action) =>
        Table.FirstOrDefault(s => s.From == from && s.Action == action);

    public static bool Allows(InspectionState from, InspectionAction action) => Find(from, action) is not null;

    /// <summary>The permission an action needs (the same from every state it is allowed in).</summary>
    public static string PermissionOf(InspectionAction action) => Table.First(s => s.Action == action).Permission;

    /// <summary>Takes a step the caller has checked the table allows; one it does not is a bug, not a user's mistake.</summary>
    internal static void Apply(InspectionTask task, InspectionAction action)
    {
        ArgumentNullException.ThrowIfNull(task);
        var step = Find(task.State, action) ?? throw new InvalidOperationException($"The inspection's table has no {action} from {task.State}.");
        task.State = step.To;
    }
}
