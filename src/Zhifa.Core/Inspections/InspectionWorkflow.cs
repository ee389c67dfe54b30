using Zhifa.Core.Common;
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

/// <summary>
/// The inspection's workflow, declared once as data (DESIGN.md "Workflows are tables"; <see cref="Workflow{TState, TAction}"/>
/// states the convention): every step of <c>InspectionDesk</c>, <c>InspectionPlans</c> and <c>InspectionPhotos</c> is allowed
/// by a row here — a pair the table does not list answers 409 <c>workflow.illegal_transition</c> — and moves the state only
/// through <see cref="Apply"/>; the page offers an action where the table allows it; a hand-written table in the tests pins it.
/// </summary>
public static class InspectionWorkflow
{
    private const string Handle = InspectionPermissions.Handle;

    public static readonly Workflow<InspectionState, InspectionAction> Table = new(
    [
        new(Planned, InspectionAction.File, Filed, Handle, Effect: "filed before the visit; the code is issued (the lead's, for a joint visit)"),
        new(Planned, FileOverCap, AwaitingApproval, Handle, Effect: "SSJ-FREQ: at the yearly cap, with a reason; waits for the head's approval"),
        new(AwaitingApproval, ApproveOverCap, Filed, InspectionPermissions.Approve, Effect: "SSJ-FREQ: approved; the code is issued"),
        new(Filed, RecordVisit, Recorded, Handle, Effect: "SSJ-PUB: publication due 20 working days after the visit"),
        new(Planned, RecordVisit, Recorded, Handle, Effect: "SSJ-PUB as above; made without a filed code, flagged to the supervisor"),
        new(Recorded, Publish, Published, Handle, Effect: "SSJ-PUB: published, flagged late after the due day"),
        new(Recorded, MakeLead, Recorded, Handle, Effect: "a finding becomes a lead (案源) of the body"),
        new(Published, MakeLead, Published, Handle, Effect: "a finding becomes a lead (案源) of the body"),
        new(Planned, AddPhoto, Planned, Handle),
        new(AwaitingApproval, AddPhoto, AwaitingApproval, Handle),
        new(Filed, AddPhoto, Filed, Handle),
        new(Recorded, AddPhoto, Recorded, Handle),
        new(Planned, Merge, Planned, InspectionPermissions.Supervise, Effect: "one visit with the other bodies' tasks, led by one body"),
        new(Planned, Cancel, Cancelled, null, Effect: "SSJ-DRAW: the system's, when its draw is replaced by a re-draw with a reason"),
    ]);

    public static bool Allows(InspectionState from, InspectionAction action) => Table.Find(from, action) is not null;

    /// <summary>The refusal of a step the table does not allow from the inspection's state, or null.</summary>
    public static ConflictError? Refusal(InspectionState from, InspectionAction action) => Allows(from, action) ? null : Table.Illegal(from, action);

    /// <summary>The permission an action needs (the same from every state it is allowed in).</summary>
    public static string PermissionOf(InspectionAction action) =>
        Table.PermissionOf(action) ?? throw new InvalidOperationException($"{action} is the system's step.");

    /// <summary>Takes a step the caller has checked the table allows; one it does not is a bug, not a user's mistake.</summary>
    internal static void Apply(InspectionTask task, InspectionAction action)
    {
        ArgumentNullException.ThrowIfNull(task);
        task.State = Table.Target(task.State, action) ?? throw new InvalidOperationException(Table.Illegal(task.State, action).Describe());
    }
}
