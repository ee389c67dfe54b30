using Zhifa.Core.Cases;
using Zhifa.Core.Cases.UseCases;

namespace Zhifa.Web.Cases;

/// <summary>How a case is shown: the colour of its state, and its path through the table as a strip of steps.</summary>
public static class CaseDisplay
{
    /// <summary>grey before the case is opened, blue while it runs, green when done, red when it ended without a decision of its own.</summary>
    public static string Tone(CaseState state) => state switch
    {
        CaseState.Lead => "grey",
        CaseState.Executed or CaseState.Closed or CaseState.Archived or CaseState.NoPenaltyDecided => "green",
        CaseState.NotOpened or CaseState.Terminated or CaseState.TransferredOut or CaseState.ReferredToPolice or CaseState.PoliceDeclined => "red",
        CaseState.Demanded or CaseState.CourtEnforcement or CaseState.Suspended => "orange",
        _ => "blue",
    };

    /// <summary>An amount in yuan with thousands separators (UX.md): 20,000, 1,234.5.</summary>
    public static string Yuan(decimal amount) => amount.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Where a state of the strip stands for the case.</summary>
    public enum StepMark
    {
        Done,
        Current,
        Ahead,
        Skipped,
    }

    /// <summary>One state of the strip: where it stands and the day the case reached it.</summary>
    public sealed record FlowStep(CaseState State, StepMark Mark, DateOnly? On);

    /// <summary>
    /// The case's path drawn from <see cref="CaseWorkflow.Rows"/>: the states of its procedure in the table's order — those
    /// it passed (with the day), the current one, those it may still reach, and those it went past without entering
    /// (the case went from one state to another directly where the table also leads through it). Other states are left out.
    /// </summary>
    public static IReadOnlyList<FlowStep> Path(CaseState current, CaseProcedure procedure, IReadOnlyList<CaseEventView> timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var rows = CaseWorkflow.Rows.Where(r => r.From != r.To).ToList();
        var start = procedure == CaseProcedure.Simple ? CaseState.OnSpotDecided : CaseState.Lead;
        var order = new List<CaseState>();
        foreach (var r in rows)
        {
            if (!order.Contains(r.From))
                order.Add(r.From);
            if (!order.Contains(r.To))
                order.Add(r.To);
        }
        var inProcedure = Reach(rows, start);
        var reached = new Dictionary<CaseState, DateOnly> { [start] = timeline.Count > 0 ? timeline[0].On : default };
        foreach (var e in timeline)
            reached.TryAdd(e.To, e.On);
        var ahead = Reach(rows, current);
        ahead.Remove(current);
        var steps = new List<FlowStep>();
        foreach (var s in order.Where(inProcedure.Contains))
        {
            if (s == current)
                steps.Add(new(s, StepMark.Current, reached.TryGetValue(s, out var d) ? d : null));
            else if (reached.TryGetValue(s, out var on))
                steps.Add(new(s, StepMark.Done, on));
            else if (ahead.Contains(s))
                steps.Add(new(s, StepMark.Ahead, null));
            else if (Bypassed(rows, s, reached.Keys))
                steps.Add(new(s, StepMark.Skipped, null));
        }
        return steps;
    }

    /// <summary>The case went from A to B directly where the table also leads A → s → B.</summary>
    private static bool Bypassed(List<Zhifa.Core.Cases.CaseRow> rows, CaseState s, IEnumerable<CaseState> reached)
    {
        var passed = reached.ToHashSet();
        return rows.Where(r => r.To == s && passed.Contains(r.From)).Any(into => rows.Any(r => r.From == s && r.To != into.From && passed.Contains(r.To)
            && rows.Any(direct => direct.From == into.From && direct.To == r.To)));
    }

    private static HashSet<CaseState> Reach(List<Zhifa.Core.Cases.CaseRow> rows, CaseState from)
    {
        var seen = new HashSet<CaseState> { from };
        var queue = new Queue<CaseState>([from]);
        while (queue.TryDequeue(out var s))
        {
            foreach (var r in rows.Where(r => r.From == s))
            {
                if (seen.Add(r.To))
                    queue.Enqueue(r.To);
            }
        }
        return seen;
    }
}
