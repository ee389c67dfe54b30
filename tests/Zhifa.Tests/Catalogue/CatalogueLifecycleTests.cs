using Zhifa.Core.Catalogue;
using Zhifa.Core.Common;
using static Zhifa.Tests.Catalogue.CatalogueFixtures;

namespace Zhifa.Tests.Catalogue;

public class CatalogueLifecycleTests
{
    [Fact]
    public void Create_StartsWithADraftFirstVersion()
    {
        var item = Draft();

        var version = Assert.Single(item.Versions);
        Assert.Equal(1, version.VersionNumber);
        Assert.Equal(VersionState.Draft, version.State);
        Assert.Same(version, item.Working);
        Assert.Null(item.Published);
        Assert.Null(item.VersionInForce(Today));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_WithoutCode_IsRefused(string code) =>
        AssertField(CatalogueItem.Create(Guid.NewGuid(), Guid.NewGuid(), CatalogueFixtures.MarketBureau, code, Content(), Now).Error, "code", "catalogue.code_required");

    [Fact]
    public void Create_WithIncompleteBasisOrDelegation_IsRefused()
    {
        AssertField(CatalogueItem.Create(Guid.NewGuid(), Guid.NewGuid(), CatalogueFixtures.MarketBureau, "C1", Content(name: " "), Now).Error, "name", "catalogue.name_required");
        AssertField(CatalogueItem.Create(Guid.NewGuid(), Guid.NewGuid(), CatalogueFixtures.MarketBureau, "C1", Content(bases: [new("食品安全法", "", null, "x")]), Now).Error,
            "bases", "catalogue.basis_incomplete");
        var delegation = new TownshipDelegation("晋政发〔2022〕1号", Today, Today.AddDays(-1));
        AssertField(CatalogueItem.Create(Guid.NewGuid(), Guid.NewGuid(), CatalogueFixtures.MarketBureau, "C1", Content(delegation: delegation), Now).Error,
            "delegation", "catalogue.delegation_incomplete");
    }

    [Fact]
    public void FullLifeCycle_DraftSubmittedReturnedResubmittedApprovedPublished()
    {
        var item = Draft();

        Assert.Null(item.Submit(Now));
        Assert.Equal(VersionState.Submitted, item.Working!.State);
        Assert.Null(item.Return("请补充实施主体的法定依据", Now));
        Assert.Equal(VersionState.Returned, item.Working!.State);
        Assert.Equal("请补充实施主体的法定依据", item.Working.ReviewComments);
        Assert.Null(item.Edit(Content(name: "修改后的名称"), Now));
        Assert.Null(item.Submit(Now));
        Assert.Null(item.Approve(Now));
        Assert.Equal(VersionState.Approved, item.Working!.State);
        Assert.Null(item.Publish(Today.AddDays(1), Today, Now));

        var published = Assert.IsType<CatalogueItemVersion>(item.Published);
        Assert.Null(item.Working);
        Assert.Equal(VersionState.Published, published.State);
        Assert.Equal("修改后的名称", published.Name);
        Assert.Equal(Today.AddDays(1), published.EffectiveFrom);
        Assert.Null(published.EffectiveTo);
        Assert.Null(item.VersionInForce(Today));
        Assert.Same(published, item.VersionInForce(Today.AddDays(1)));
    }

    [Fact]
    public void Submit_WithoutLegalBasis_IsRefused_AndTheDraftStays()
    {
        var item = Draft(Content(bases: []));

        AssertField(item.Submit(Now), "bases", "catalogue.no_legal_basis");
        Assert.Equal(VersionState.Draft, item.Working!.State);
    }

    [Fact]
    public void Submit_WithoutBody_IsRefused()
    {
        var item = Draft(Content(bodies: []));

        AssertField(item.Submit(Now), "bodyIds", "catalogue.no_body");
        Assert.Equal(VersionState.Draft, item.Working!.State);
    }

    [Fact]
    public void Return_WithoutComments_IsRefused()
    {
        var item = Draft();
        item.Submit(Now);

        AssertField(item.Return("  ", Now), "comments", "catalogue.comments_required");
        Assert.Equal(VersionState.Submitted, item.Working!.State);
    }

    [Fact]
    public void IllegalTransitions_AreConflicts_AndChangeNothing()
    {
        var item = Draft();
        AssertWrongState(item.Approve(Now), "Draft");
        AssertWrongState(item.Return("意见", Now), "Draft");
        AssertWrongState(item.Publish(Today, Today, Now), "Draft");
        // Nothing is published yet, so there is nothing to amend: the draft answers for the item.
        AssertWrongState(item.Amend(Guid.NewGuid(), Now).Error, "Draft");
        AssertWrongState(item.Abolish(Today.AddDays(1), Today, Now), "Draft");

        item.Submit(Now);
        AssertWrongState(item.Submit(Now), "Submitted");
        AssertWrongState(item.Edit(Content(name: "别的名称"), Now), "Submitted");
        AssertWrongState(item.Publish(Today, Today, Now), "Submitted");

        item.Approve(Now);
        AssertWrongState(item.Edit(Content(name: "别的名称"), Now), "Approved");
        AssertWrongState(item.Approve(Now), "Approved");

        Assert.Equal(VersionState.Approved, item.Working!.State);
        Assert.Equal(Content().Name, item.Working.Name);
    }

    [Fact]
    public void PublishedVersion_RefusesEveryEdit()
    {
        var item = Published();
        var published = item.Published!;

        AssertWrongState(item.Edit(Content(name: "改名"), Now), "Published");
        AssertWrongState(item.Submit(Now), "Published");
        AssertWrongState(item.Approve(Now), "Published");
        AssertWrongState(item.Return("意见", Now), "Published");
        AssertWrongState(item.Publish(Today.AddDays(5), Today, Now), "Published");

        Assert.Equal(Content().Name, published.Name);
        Assert.Equal(VersionState.Published, published.State);
    }

    [Fact]
    public void Publish_IsNeverBackdated()
    {
        var item = Draft();
        item.Submit(Now);
        item.Approve(Now);

        AssertField(item.Publish(Today.AddDays(-1), Today, Now), "effectiveFrom", "catalogue.date_too_early");
        Assert.Equal(VersionState.Approved, item.Working!.State);
    }

    [Fact]
    public void Amend_CopiesThePublishedVersionIntoANewDraft()
    {
        var item = Published(Content(bases: [FoodSafety124, Basis("第一百二十五条")]));

        var amendment = item.Amend(Guid.NewGuid(), Now).Value;

        Assert.Equal(2, amendment.VersionNumber);
        Assert.Equal(VersionState.Draft, amendment.State);
        Assert.Equal(item.Published!.Bases, amendment.Bases);
        Assert.Equal(item.Published.BodyIds, amendment.BodyIds);
        Assert.Same(amendment, item.Working);
        var open = Assert.IsType<RuleViolation>(item.Amend(Guid.NewGuid(), Now).Error);
        Assert.Equal(("CATALOGUE-ONE-VERSION", "catalogue.amendment_open"), (open.RuleId, open.Code));
    }

    [Fact]
    public void PublishingAnAmendment_SupersedesTheOldVersion_TheDayBefore()
    {
        var item = Published(effectiveFrom: new DateOnly(2026, 3, 2));
        var first = item.Published!;
        item.Amend(Guid.NewGuid(), Now);
        item.Edit(Content(name: "第二版名称"), Now);

        PublishWorking(item, new DateOnly(2026, 7, 1));

        Assert.Equal(VersionState.Superseded, first.State);
        Assert.Equal(new DateOnly(2026, 6, 30), first.EffectiveTo);
        Assert.Equal(Content().Name, first.Name);
        Assert.Equal("第二版名称", item.Published!.Name);
    }

    [Theory]
    [InlineData("2026-03-01", null)]
    [InlineData("2026-03-02", 1)]
    [InlineData("2026-06-30", 1)]
    [InlineData("2026-07-01", 2)]
    [InlineData("2030-01-01", 2)]
    public void VersionInForce_SpansTheAmendment(string date, int? expectedVersion)
    {
        var item = Published(effectiveFrom: new DateOnly(2026, 3, 2));
        item.Amend(Guid.NewGuid(), Now);
        PublishWorking(item, new DateOnly(2026, 7, 1));

        Assert.Equal(expectedVersion, item.VersionInForce(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))?.VersionNumber);
    }

    [Fact]
    public void Publish_OfAnAmendment_NotAfterThePreviousStart_IsRefused()
    {
        var item = Published(effectiveFrom: new DateOnly(2026, 5, 1));
        item.Amend(Guid.NewGuid(), Now);
        item.Submit(Now);
        item.Approve(Now);

        AssertField(item.Publish(new DateOnly(2026, 5, 1), Today, Now), "effectiveFrom", "catalogue.date_too_early");
        Assert.Equal(VersionState.Published, item.Versions[0].State);
        Assert.Null(item.Versions[0].EffectiveTo);
    }

    [Fact]
    public void Abolish_EndsThePublishedVersion_AndAnOpenAmendment()
    {
        var item = Published(effectiveFrom: new DateOnly(2026, 3, 2));
        item.Amend(Guid.NewGuid(), Now);

        Assert.Null(item.Abolish(new DateOnly(2026, 9, 1), Today, Now));

        Assert.True(item.IsAbolished);
        Assert.All(item.Versions, v => Assert.Equal(VersionState.Abolished, v.State));
        Assert.Equal(new DateOnly(2026, 8, 31), item.Versions[0].EffectiveTo);
        Assert.Equal(1, item.VersionInForce(new DateOnly(2026, 8, 31))?.VersionNumber);
        Assert.Null(item.VersionInForce(new DateOnly(2026, 9, 1)));
        AssertWrongState(item.Amend(Guid.NewGuid(), Now).Error, "Abolished");
        AssertWrongState(item.Abolish(new DateOnly(2026, 10, 1), Today, Now), "Abolished");
    }

    [Fact]
    public void Abolish_OnOrBeforeTheFirstDay_IsRefused()
    {
        var item = Published(effectiveFrom: new DateOnly(2026, 3, 2));

        AssertField(item.Abolish(new DateOnly(2026, 3, 2), Today, Now), "abolishedFrom", "catalogue.date_too_early");
        Assert.False(item.IsAbolished);
    }

    [Fact]
    public void DelegationEvaluation_MovesTheDueDate()
    {
        var delegation = new TownshipDelegation("晋政发〔2022〕5号", new DateOnly(2022, 6, 1), new DateOnly(2024, 12, 31));
        var item = Imported(Content(delegation: delegation), new DateOnly(2022, 6, 1), "D1");

        Assert.Equal(new DateOnly(2024, 12, 31), item.EvaluationDueOn(Today));
        Assert.Null(item.RecordEvaluation(new(new DateOnly(2024, 11, 20), EvaluationResult.CanCarry, new DateOnly(2026, 11, 20), "承接得住")));
        Assert.Equal(new DateOnly(2026, 11, 20), item.EvaluationDueOn(Today));
        AssertField(item.RecordEvaluation(new(Today, EvaluationResult.CanCarry, Today, null)), "nextDueOn", "catalogue.date_too_early");
    }

    [Fact]
    public void DelegationEvaluation_OfAnItemNotDelegated_IsAConflict()
    {
        var item = Published();

        Assert.Equal("catalogue.not_delegated", item.RecordEvaluation(new(Today, EvaluationResult.CanCarry, Today.AddYears(1), null))!.Code);
        Assert.Empty(item.Evaluations);
    }

    private static void AssertWrongState(Error? error, string state)
    {
        var conflict = Assert.IsType<ConflictError>(error);
        Assert.Equal("workflow.illegal_transition", conflict.Code);
        Assert.Equal($"enum.VersionState.{state}", conflict.Args[0]);
    }

    internal static void AssertField(Error? error, string field, string code)
    {
        var validation = Assert.IsType<ValidationError>(error);
        Assert.Equal(code, Assert.Single(validation.Fields[field]).Code);
    }
}
