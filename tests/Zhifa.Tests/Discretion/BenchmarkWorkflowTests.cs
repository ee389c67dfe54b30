using Zhifa.Core.Catalogue;
using Zhifa.Core.Discretion;
using Zhifa.Core.Identity;
using Zhifa.Tests.Infrastructure;
using static Zhifa.Core.Discretion.BenchmarkAction;
using static Zhifa.Core.Discretion.BenchmarkStatus;

namespace Zhifa.Tests.Discretion;

/// <summary>The discretion benchmark's workflow, pinned by hand: a change to the table must change this test too.</summary>
public class BenchmarkWorkflowTests
{
    [Fact]
    public void Table_IsExactlyTheHandWrittenOne()
    {
        WorkflowAssert.Pins(BenchmarkWorkflow.Table, """
                      Revise  File   Return  Approve   Publish
            Draft     Draft   Filed  -       -         -
            Filed     -       -      Draft   Approved  -
            Approved  -       -      -       -         Published
            Published -       -      -       -         -
            """);
    }

    [Fact]
    public void Permissions_AndGuards_AreTheHandWrittenOnes()
    {
        WorkflowAssert.PinsPermissionsAndGuards(BenchmarkWorkflow.Table,
            new Dictionary<BenchmarkAction, string?>
            {
                [Revise] = CataloguePermissions.CatalogueEdit, [BenchmarkAction.File] = CataloguePermissions.CatalogueEdit, [Return] = CataloguePermissions.CatalogueReview,
                [Approve] = CataloguePermissions.CatalogueReview, [Publish] = CataloguePermissions.CatalogueEdit,
            },
            new Dictionary<(BenchmarkStatus, BenchmarkAction), string>());
    }

    [Fact]
    public void Available_SplitsTheIssuersStepsFromTheBureaus()
    {
        Assert.Equal([Revise, BenchmarkAction.File], BenchmarkWorkflow.Available(Draft, _ => true, _ => false));
        Assert.Empty(BenchmarkWorkflow.Available(Draft, _ => false, _ => true));
        Assert.Equal([Return, Approve], BenchmarkWorkflow.Available(Filed, _ => false, _ => true));
        Assert.Equal([Publish], BenchmarkWorkflow.Available(Approved, _ => true, _ => true));
        Assert.Empty(BenchmarkWorkflow.Available(Published, _ => true, _ => true));
    }
}
