using Zhifa.Core.Common;

namespace Zhifa.Tests.Infrastructure;

/// <summary>Pins a workflow table to a hand-written grid: a row per state, a column per action, the target state or "-" for refused.</summary>
public static class WorkflowAssert
{
    public static void Pins<TState, TAction>(Workflow<TState, TAction> workflow, string grid)
        where TState : struct, Enum
        where TAction : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(grid);
        var lines = grid.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var actions = lines[0].Select(Enum.Parse<TAction>).ToList();
        var states = lines.Skip(1).Select(l => Enum.Parse<TState>(l[0])).ToList();
        // The grid covers every state and every action: a new one must be placed by hand.
        Assert.Equal(Enum.GetValues<TAction>().Order(), actions.Order());
        Assert.Equal(Enum.GetValues<TState>().Order(), states.Order());
        foreach (var row in lines.Skip(1))
        {
            var from = Enum.Parse<TState>(row[0]);
            Assert.True(row.Length == actions.Count + 1, $"row {from} has {row.Length - 1} cells for {actions.Count} actions");
            for (var i = 0; i < actions.Count; i++)
            {
                TState? expected = row[i + 1] == "-" ? null : Enum.Parse<TState>(row[i + 1]);
                Assert.True(Equals(expected, workflow.Target(from, actions[i])),
                    $"{from} + {actions[i]}: expected {row[i + 1]}, the table says {workflow.Target(from, actions[i])?.ToString() ?? "-"}");
                if (expected is null)
                {
                    var refusal = Assert.IsType<ConflictError>(workflow.Refusal(from, actions[i]));
                    Assert.Equal(("workflow.illegal_transition", $"enum.{typeof(TState).Name}.{from}", $"enum.{typeof(TAction).Name}.{actions[i]}"),
                        (refusal.Code, refusal.Args[0], refusal.Args[1]));
                }
            }
        }
    }

    /// <summary>Pins who may take each action (null: only the system) and which rows carry which guard.</summary>
    public static void PinsPermissionsAndGuards<TState, TAction>(
        Workflow<TState, TAction> workflow, IReadOnlyDictionary<TAction, string?> permissions, IReadOnlyDictionary<(TState, TAction), string> guardRules)
        where TState : struct, Enum
        where TAction : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(permissions);
        ArgumentNullException.ThrowIfNull(guardRules);
        Assert.Equal(Enum.GetValues<TAction>().Order(), permissions.Keys.Order());
        foreach (var (action, permission) in permissions)
            Assert.True(permission == workflow.PermissionOf(action), $"{action}: expected {permission ?? "system"}, the table says {workflow.PermissionOf(action) ?? "system"}");
        var guarded = workflow.Transitions.Where(t => t.Guard is not null).ToDictionary(t => (t.From, t.Action), t => t.Guard!.RuleId);
        Assert.Equal(guardRules.OrderBy(g => g.Key), guarded.OrderBy(g => g.Key));
    }
}
