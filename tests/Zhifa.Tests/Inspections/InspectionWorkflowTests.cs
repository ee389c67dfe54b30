using Zhifa.Core.Inspections;
using static Zhifa.Core.Inspections.InspectionAction;
using static Zhifa.Core.Inspections.InspectionState;

namespace Zhifa.Tests.Inspections;

/// <summary>The inspection's workflow table (DESIGN.md "Workflows are tables"), pinned by a table written here by hand.</summary>
public sealed class InspectionWorkflowTests
{
    private const string Handle = "inspection.handle";

    [Fact]
    public void TheTable_IsTheOneWrittenHere()
    {
        (InspectionState, InspectionAction, InspectionState, string?)[] expected =
        [
            (Planned, InspectionAction.File, Filed, Handle),
            (Planned, FileOverCap, AwaitingApproval, Handle),
            (AwaitingApproval, ApproveOverCap, Filed, "inspection.approve"),
            (Filed, RecordVisit, Recorded, Handle),
            (Planned, RecordVisit, Recorded, Handle),
            (Recorded, Publish, Published, Handle),
            (Recorded, MakeLead, Recorded, Handle),
            (Published, MakeLead, Published, Handle),
            (Planned, AddPhoto, Planned, Handle),
            (AwaitingApproval, AddPhoto, AwaitingApproval, Handle),
            (Filed, AddPhoto, Filed, Handle),
            (Recorded, AddPhoto, Recorded, Handle),
            (Planned, Merge, Planned, "inspection.supervise"),
            (Planned, Cancel, Cancelled, null),
        ];
        Assert.Equal(expected, InspectionWorkflow.Table.Transitions.Select(s => (s.From, s.Action, s.To, s.Permission)));
    }

    [Fact]
    [Trait("Rule", "SSJ-PUB")]
    public void APublishedResult_IsNotChangedAgain_AndACancelledInspectionTakesNoStep()
    {
        Assert.Equal([MakeLead], Enum.GetValues<InspectionAction>().Where(a => InspectionWorkflow.Allows(Published, a)));
        Assert.DoesNotContain(Enum.GetValues<InspectionAction>(), a => InspectionWorkflow.Allows(Cancelled, a));
        // A result is published once, after the visit; a visit is recorded once.
        Assert.False(InspectionWorkflow.Allows(Filed, Publish));
        Assert.False(InspectionWorkflow.Allows(Recorded, RecordVisit));
        // A visit over the cap waits for approval: no visit is recorded while it waits.
        Assert.False(InspectionWorkflow.Allows(AwaitingApproval, RecordVisit));
    }

    [Fact]
    [Trait("Rule", "SSJ-PUB")]
    public void AStepTheTableDoesNotList_IsRefusedNamingTheStateAndTheAction()
    {
        var refused = InspectionWorkflow.Refusal(Filed, Publish);
        Assert.Equal(("workflow.illegal_transition", "enum.InspectionState.Filed", "enum.InspectionAction.Publish"),
            (refused!.Code, refused.Args[0], refused.Args[1]));
        Assert.Null(InspectionWorkflow.Refusal(Recorded, Publish));
    }
}
