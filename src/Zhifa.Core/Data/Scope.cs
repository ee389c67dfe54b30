using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Zhifa.Core.Data;

/// <summary>
/// The scope filters of the model: one named filter (<see cref="Name"/>) per scoped entity, declared by the feature that
/// owns it. A filter may read the caller's <see cref="ZhifaDbContext.Scope"/> and other (scoped) sets of the context.
/// </summary>
public sealed class ScopeFilters(ModelBuilder model, ZhifaDbContext db)
{
    /// <summary>The name of the scope filter; <see cref="ScopeBypass.Unscoped{T}"/> ignores only this one.</summary>
    public const string Name = "scope";

    /// <summary>Whether the model is PostgreSQL's (some features map differently there).</summary>
    public bool IsPostgres => db.IsPostgres;

    /// <summary>Adds the scope filter of <typeparamref name="T"/>: what the caller may read, given the context of the query.</summary>
    public void Add<T>(Expression<Func<ZhifaDbContext, T, bool>> filter) where T : class
    {
        ArgumentNullException.ThrowIfNull(filter);
        // The context of the model-building instance stands for "this context": EF Core puts the querying context in its place.
        var body = new ReplaceParameter(filter.Parameters[0], Expression.Constant(db, typeof(ZhifaDbContext))).Visit(filter.Body);
        model.Entity<T>().HasQueryFilter(Name, Expression.Lambda<Func<T, bool>>(body, filter.Parameters[1]));
    }

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>
/// The one way to read past the scope filter. Every call states why in words (a test lists them all and fails on one
/// without a reason); other filters, if any, still apply.
/// </summary>
public static class ScopeBypass
{
    public static IQueryable<T> Unscoped<T>(this IQueryable<T> query, string reason) where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return query.IgnoreQueryFilters([ScopeFilters.Name]);
    }
}
