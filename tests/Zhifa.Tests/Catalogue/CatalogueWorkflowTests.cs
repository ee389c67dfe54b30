using Zhifa.Core.Catalogue;
using Zhifa.Core.Identity;
using Zhifa.Tests.Infrastructure;
using static Zhifa.Core.Catalogue.CatalogueAction;
using static Zhifa.Core.Catalogue.VersionState;

namespace Zhifa.Tests.Catalogue;

/// <summary>The workflow of catalogue item versions, pinned by hand: a change to the table must change this test too.</summary>
public class CatalogueWorkflowTests
{
    [Fact]
    public void Table_IsExactlyTheHandWrittenOne()
    {
        WorkflowAssert.Pins(CatalogueWorkflow.Table, """
                       Edit      Submit     Return    Approve   Publish    Amend      Abolish    Supersede   AbolishWithItem  TakeOver
            Draft      Draft     Submitted  -         -         -          -          -          -           Abolished        Published
            Submitted  -         -          Returned  Approved  -          -          -          -           Abolished        -
            Returned   Returned  Submitted  -         -         -          -          -          -           Abolished        -
            Approved   -         -          -         -         Published  -          -          -           Abolished        -
            Published  -         -          -         -         -          Published  Abolished  Superseded  -                -
            Superseded -         -          -         -         -          -          -          -           -                -
            Abolished  -         -          -         -         -          -          -          -           -                -
            """);
    }

    [Fact]
    public void Permissions_AndGuards_AreTheHandWrittenOnes()
    {
        WorkflowAssert.PinsPermissionsAndGuards(CatalogueWorkflow.Table,
            new Dictionary<CatalogueAction, string?>
            {
                [Edit] = CataloguePermissions.CatalogueEdit, [Submit] = CataloguePermissions.CatalogueEdit, [Return] = CataloguePermissions.CatalogueReview,
                [Approve] = CataloguePermissions.CatalogueReview, [Publish] = CataloguePermissions.CatalogueEdit, [Amend] = CataloguePermissions.CatalogueEdit,
                [Abolish] = CataloguePermissions.CatalogueEdit, [Supersede] = null, [AbolishWithItem] = null, [TakeOver] = null,
            },
            new Dictionary<(VersionState, CatalogueAction), string> { [(Published, Amend)] = "CATALOGUE-ONE-VERSION" });
    }
}
