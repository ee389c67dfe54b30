using Zhifa.Core.Cases;
using Zhifa.Web.Modules;

namespace Zhifa.Web.Cases;

/// <summary>Case handling (执法办案): the case API, the case lists and pages, the on-the-spot page, and the deadline reminders.</summary>
public sealed class CasesWebModule : WebModule
{
    public override int Order => 60;

    public override IReadOnlyList<NavEntry> Navigation =>
    [
        new("enforcement", 410, "/cases", "nav.cases", CasePermissions.Read, Exact: true),
        new("enforcement", 411, "/cases/new", "nav.case_new", CasePermissions.Handle),
        new("enforcement", 412, "/cases/on-spot", "nav.on_spot", CasePermissions.Handle),
    ];

    /// <summary>The party page's tab of the party's cases.</summary>
    public override IReadOnlyList<SlotEntry> Slots =>
    [
        new("party.detail", 10, typeof(Pages.PartyCases)),
    ];
}
