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
        (InspectionState, InspectionAction, InspectionState, string, string?)[] expected =
        [
            (Planned, InspectionAction.File, Filed, Handle, null),
            (Planned, FileOverCap, AwaitingApproval, Handle, "SSJ-FREQ"),
            (AwaitingApproval, ApproveOverCap, Filed, "inspection.approve", "SSJ-FREQ"),
            (Filed, RecordVisit, Recorded, Handle, "SSJ-PUB"),
            (Planned, RecordVisit, Recorded, Handle, "SSJ-PUB"),
            (Recorded, Publish, Published, Handle, "SSJ-PUB"),
            (Recorded, MakeLead, Recorded, Handle, null),
            (Published, MakeLead, Published, Handle, null),
            (Planned, AddPhoto, Planned, Handle, null),
            (AwaitingApproval, AddPhoto, AwaitingApproval, Handle, null),
            (Filed, AddPhoto, Filed, Handle, null),
            (Recorded, AddPhoto, Recorded, Handle, null),
            (Planned, Merge, Planned, "inspection.supervise", null),
            (Planned, Cancel, Cancelled, "inspection.plan", "SSJ-DRAW"),
        ];
        Assert.Equal(expected, InspectionWorkflow.Table.Select(s => (s.From, s.Action, s.To, s.Permission, s.RuleId)));
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
    public void EveryAction_HasOnePermission_WhereverItIsAllowed() =>
        Assert.All(Enum.GetValues<InspectionAction>(), a =>
            Assert.Single(InspectionWorkflow.Table.Where(s => s.Action == a).Select(s => s.Permission).Distinct()));
}
