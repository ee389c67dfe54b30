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

public sealed record FieldMessage(string Code, IReadOnlyList<object> Args);

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

/// <summary>An import refused as a whole: nothing was imported; each entry says which row and column is wrong and why.</summary>
public sealed record ImportRejected(IReadOnlyList<ImportRowError> Rows) : Error("import.rejected", [Rows.Count])
{
    public override string Describe() => $"Import rejected: {Rows.Count} row error(s).";
}

/// <summary>One wrong cell of an import: the sheet row number, the column title, and the message code with its arguments.</summary>
public sealed record ImportRowError(int Row, string Column, string Code, IReadOnlyList<object> Args);
