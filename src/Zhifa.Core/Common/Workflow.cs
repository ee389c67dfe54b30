namespace Zhifa.Core.Common;

/// <summary>
/// A condition a transition needs beyond the state, named by the rule it enforces (a RULES.md id such as ZFRY-VALID,
/// or a stable code where no statutory rule applies) and the message code shown when it does not hold.
/// </summary>
public sealed record TransitionGuard(string RuleId, string Code);

/// <summary>
/// One row of a workflow table: from a state, an action leads to a state. <see cref="Permission"/> is what a user needs
/// for it (null: only the system takes this step, e.g. a daily job or a consequence of another transition);
/// <see cref="Effect"/> says in words what else the step does.
/// </summary>
public sealed record Transition<TState, TAction>(
    TState From, TAction Action, TState To, string? Permission, TransitionGuard? Guard = null, string? Effect = null)
    where TState : struct, Enum
    where TAction : struct, Enum
{
    public bool IsSystem => Permission is null;
}

/// <summary>
/// A workflow declared as a table of transitions (DESIGN.md, "Workflows are tables"). The convention every workflow
/// entity follows: its transition methods ask <see cref="Refusal"/> before changing anything, so
/// <list type="bullet">
/// <item>a (state, action) pair the table does not list is refused with
/// <c>ConflictError("workflow.illegal_transition", null, state, action)</c> — 409, and the message names both;
/// repeating a step (a second revoke, activating an active account) is such a pair, never a silent no-op;</item>
/// <item>a listed pair whose guard does not hold is refused with <c>RuleViolation(guard.RuleId, guard.Code)</c> — 422
/// naming the rule;</item>
/// <item>only then are the request's own inputs checked (a reason, a date: <see cref="ValidationError"/>, 400);</item>
/// <item>a refused transition changes nothing. A step the system itself takes illegally is a bug and throws.</item>
/// </list>
/// Pages ask <see cref="Available"/> for the buttons to show; the API refuses through the same table.
/// </summary>
public sealed class Workflow<TState, TAction>
    where TState : struct, Enum
    where TAction : struct, Enum
{
    /// <summary>The stable code of every refusal of a (state, action) pair the table does not list.</summary>
    public const string IllegalTransition = "workflow.illegal_transition";

    private readonly Dictionary<(TState, TAction), Transition<TState, TAction>> _rows = [];

    public Workflow(IEnumerable<Transition<TState, TAction>> transitions)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        Transitions = [.. transitions];
        foreach (var t in Transitions)
        {
            if (!_rows.TryAdd((t.From, t.Action), t))
                throw new ArgumentException($"{typeof(TState).Name}.{t.From} + {typeof(TAction).Name}.{t.Action} is declared twice.", nameof(transitions));
        }
        foreach (var action in Transitions.GroupBy(t => t.Action))
        {
            if (action.Select(t => t.Permission).Distinct().Count() > 1)
                throw new ArgumentException($"{typeof(TAction).Name}.{action.Key} needs one permission in every state.", nameof(transitions));
        }
    }

    /// <summary>The rows in the order declared.</summary>
    public IReadOnlyList<Transition<TState, TAction>> Transitions { get; }

    public Transition<TState, TAction>? Find(TState from, TAction action) => _rows.GetValueOrDefault((from, action));

    /// <summary>The state <paramref name="action"/> leads to from <paramref name="from"/>, or null where the table has no such row.</summary>
    public TState? Target(TState from, TAction action) => Find(from, action)?.To;

    /// <summary>
    /// Null when the table allows <paramref name="action"/> from <paramref name="from"/> and its guard holds
    /// (<paramref name="holds"/> answers for the guard; without it a guarded row is taken to hold); else the refusal.
    /// <paramref name="guardArgs"/> are the arguments of the guard's message.
    /// </summary>
    public Error? Refusal(TState from, TAction action, Func<TransitionGuard, bool>? holds = null, params object[] guardArgs)
    {
        if (Find(from, action) is not { } row)
            return Illegal(from, action);
        return row.Guard is { } guard && holds is not null && !holds(guard) ? WorkflowErrors.GuardFailed(guard.RuleId, guard.Code, guardArgs) : null;
    }

    /// <summary>The refusal of a pair the table does not list: 409 <c>workflow.illegal_transition</c>, naming the state and the action.</summary>
    public ConflictError Illegal(TState from, TAction action) =>
        WorkflowErrors.IllegalTransition($"enum.{typeof(TState).Name}.{from}", $"enum.{typeof(TAction).Name}.{action}");

    /// <summary>
    /// The actions a user may take from <paramref name="from"/>: rows with a permission that <paramref name="can"/> grants
    /// and whose guard holds (per <paramref name="holds"/>, when given). What a page renders as buttons.
    /// </summary>
    public IReadOnlyList<TAction> Available(TState from, Func<string, bool> can, Func<TransitionGuard, bool>? holds = null)
    {
        ArgumentNullException.ThrowIfNull(can);
        return [.. Transitions.Where(t => t.From.Equals(from) && t.Permission is { } p && can(p) && (t.Guard is null || holds is null || holds(t.Guard)))
            .Select(t => t.Action)];
    }

    /// <summary>The permission a user needs for <paramref name="action"/> (one for all states); null for a step only the system takes, or one not in the table.</summary>
    public string? PermissionOf(TAction action) => Transitions.FirstOrDefault(t => t.Action.Equals(action))?.Permission;
}
