namespace Zhifa.Core.Common;

/// <summary>An expected failure of a use case. <see cref="Code"/> is stable and is also the resource key of its message.</summary>
public abstract record Error(string Code, IReadOnlyList<object> Args)
{
    /// <summary>An English fallback for logs; people see the localised text of <see cref="Code"/>.</summary>
    public abstract string Describe();
}

/// <summary>The entity does not exist, or exists outside the caller's scope: both answer 404.</summary>
public sealed record NotFoundError(string Entity) : Error("error.not_found", ["entity." + Entity])
{
    public override string Describe() => $"{Entity} not found.";
}

/// <summary>One or more fields are wrong. Each field maps to message codes (resource keys).</summary>
public sealed record ValidationError(IReadOnlyDictionary<string, FieldMessage[]> Fields) : Error("error.validation", [])
{
    public static ValidationError For(string field, string code, params object[] args) =>
        new(new Dictionary<string, FieldMessage[]> { [field] = [new FieldMessage(code, args)] });

    public override string Describe() =>
        string.Join("; ", Fields.Select(f => $"{f.Key}: {string.Join(", ", f.Value.Select(m => m.Code))}"));
}

public sealed record FieldMessage(string Code, IReadOnlyList<object> Args)
{
    /// <summary>This message on a cell of an import.</summary>
    public ImportRowError At(int row, string column) => new(row, column, Code, Args);
}

/// <summary>
/// Collects every wrong field of a request, so that one answer names them all. Each message comes from a
/// feature's Errors factory (<c>errors.Add(IdentityErrors.FullNameRequired())</c>); <see cref="Build"/> is null when nothing is wrong.
/// </summary>
public sealed class ValidationBuilder
{
    // Made when the first wrong field comes: most checks of most records find none.
    private Dictionary<string, List<FieldMessage>>? _fields;

    public bool IsEmpty => _fields is null || _fields.Count == 0;

    /// <summary>Adds the field messages of <paramref name="error"/> (null adds nothing).</summary>
    public ValidationBuilder Add(ValidationError? error)
    {
        if (error is null)
            return this;
        _fields ??= new(StringComparer.Ordinal);
        foreach (var (field, messages) in error.Fields)
        {
            if (!_fields.TryGetValue(field, out var list))
                _fields[field] = list = [];
            list.AddRange(messages);
        }
        return this;
    }

    public ValidationError? Build() => IsEmpty ? null : new ValidationError(_fields!.ToDictionary(f => f.Key, f => f.Value.ToArray()));
}

/// <summary>Expected failures that belong to no one feature: the request itself, or the database's answer to a race.</summary>
public static class CommonErrors
{
    /// <summary>A body or parameter that cannot be read; <paramref name="field"/> is its JSON path, or "$".</summary>
    public static ValidationError RequestUnreadable(string field, bool body) =>
        ValidationError.For(field, body ? "problem.body_unreadable" : "problem.parameter_unreadable");

    // The shape of a request (RequestFields): what every field of every request must be, whatever the feature.

    /// <summary>The field is missing, null where it may not be, or blank where it needs text.</summary>
    public static ValidationError FieldRequired(string field) => ValidationError.For(field, "field.required");

    public static ValidationError FieldTooLong(string field, int maxLength) => ValidationError.For(field, "field.too_long", maxLength);

    public static ValidationError FieldTooMany(string field, int maxCount) => ValidationError.For(field, "field.too_many", maxCount);

    /// <summary>A number outside its range; <paramref name="aboveMinimum"/> when the minimum itself is not allowed (hours above 0).</summary>
    public static ValidationError FieldOutOfRange(string field, object minimum, object maximum, bool aboveMinimum) =>
        ValidationError.For(field, aboveMinimum ? "field.out_of_range_above" : "field.out_of_range", minimum, maximum);

    /// <summary>A value of the wrong kind for its field (text where a number goes, a malformed id or date).</summary>
    public static ValidationError FieldUnreadable(string field) => ValidationError.For(field, "field.unreadable");

    /// <summary>An id of nothing (all zeros).</summary>
    public static ValidationError FieldEmptyId(string field) => ValidationError.For(field, "field.empty_id");

    /// <summary>A date outside the years any record of Zhifa can have (0001-01-01 is what a missing date reads as).</summary>
    public static ValidationError FieldDateOutOfRange(string field, int firstYear, int lastYear) => ValidationError.For(field, "field.date_out_of_range", firstYear, lastYear);

    /// <summary>A value that is not one of the choices (an enumeration read from a number).</summary>
    public static ValidationError FieldNotAChoice(string field, string choices) => ValidationError.For(field, "field.not_a_choice", choices);

    /// <summary>Someone else changed the same thing at the same instant; nothing was saved.</summary>
    public static ConflictError ConcurrentChange() => new("error.concurrent_change");

    /// <summary>409: the record changed since the caller read it (its version no longer matches); nothing was saved.</summary>
    public static ConflictError StaleVersion() => new("error.stale_version");
}

/// <summary>The request is well-formed but clashes with the current state (a duplicate, a wrong state).</summary>
public sealed record ConflictError(string ConflictCode, string? Field = null, params object[] Arguments) : Error(ConflictCode, Arguments)
{
    public override string Describe() => $"Conflict: {ConflictCode}{(Field is null ? "" : $" ({Field})")}.";
}

/// <summary>A statutory rule from RULES.md forbids the request; <see cref="RuleId"/> names it.</summary>
public sealed record RuleViolation(string RuleId, string ViolationCode, params object[] Arguments) : Error(ViolationCode, Arguments)
{
    public override string Describe() => $"Rule {RuleId} violated: {ViolationCode}.";
}

/// <summary>The caller may not do this: they lack <see cref="Permission"/>, or <see cref="Reason"/> says why not.</summary>
public sealed record ForbiddenError(string Permission, string Reason = "error.forbidden") : Error(Reason, [Permission])
{
    public override string Describe() => $"Permission {Permission} required.";
}

/// <summary>The caller is not (or no longer) authenticated: bad credentials, a locked account, an expired token.</summary>
public sealed record UnauthorizedError(string ReasonCode, params object[] Arguments) : Error(ReasonCode, Arguments)
{
    public override string Describe() => $"Unauthorized: {ReasonCode}.";
}

/// <summary>Too many attempts in a short time.</summary>
public sealed record ThrottledError(string ReasonCode) : Error(ReasonCode, [])
{
    public override string Describe() => $"Throttled: {ReasonCode}.";
}

/// <summary>
/// An import refused as a whole: nothing was imported; each entry says which row and column is wrong and why.
/// <see cref="Rows"/> are the first wrong cells (at most <see cref="ImportLimits.MaxErrors"/>), <see cref="Total"/> how many there are in all.
/// </summary>
public sealed record ImportRejected(IReadOnlyList<ImportRowError> Rows, int Total) : Error("import.rejected", [Total])
{
    public ImportRejected(IReadOnlyList<ImportRowError> rows)
        : this(rows, rows?.Count ?? 0)
    {
    }

    public override string Describe() => $"Import rejected: {Total} cell error(s).";
}

/// <summary>One wrong cell of an import: the sheet row number, the column title, and the message code with its arguments.</summary>
public sealed record ImportRowError(int Row, string Column, string Code, IReadOnlyList<object> Args);

/// <summary>The refusals every workflow table gives (<see cref="Workflow{TState, TAction}"/>).</summary>
public static class WorkflowErrors
{
    /// <summary>409: the table has no row for this action from this state; the message names both (resource keys).</summary>
    public static ConflictError IllegalTransition(string stateKey, string actionKey) =>
        new("workflow.illegal_transition", null, stateKey, actionKey);

    /// <summary>422: the row exists but its guard fails; the guard names its rule.</summary>
    public static RuleViolation GuardFailed(string ruleId, string code, object[] args) => new(ruleId, code, args);
}
