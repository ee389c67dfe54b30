using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Data;

namespace Zhifa.Core.Personnel.UseCases;

/// <summary>
/// The computed columns of the personnel lists (a certificate's status on a day, its annual review overdue) as SQL
/// expressions, so that a list filtered or sorted by them is counted and paged by the database. Each gives the same
/// answer as the domain's rule (<see cref="Certificate.StatusOn"/>, <see cref="Certificate.IsReviewOverdueOn"/>).
/// </summary>
internal static class PersonnelSql
{
    /// <summary>
    /// <see cref="Certificate.StatusOn"/> on <paramref name="today"/> as the status's number (the enum's value, so that it
    /// sorts as the enum does). The stored <see cref="Certificate.Status"/>, <see cref="Certificate.SuspendedUntil"/> and
    /// <see cref="Certificate.ReviewHold"/> are what the last event left, which is the history replayed to today whenever
    /// no event is dated after today; then only the calendar remains (not yet issued, expired, a sanction's end). The few
    /// certificates with an event dated after today (a suspension recorded ahead) are read and replayed in memory: their
    /// statuses are passed in by id.
    /// </summary>
    public static async Task<Expression<Func<Certificate, int?>>> StatusAsync(ZhifaDbContext db, DateOnly today, CancellationToken ct)
    {
        var ahead = await db.Certificates.Unscoped("certificates with an event dated ahead, replayed to today whichever body the caller sees").AsNoTracking()
            .Where(c => c.IssuedOn <= today && c.History.Any(e => e.On > today)).ToListAsync(ct);
        const int notYetValid = (int)CertificateStatus.NotYetValid, valid = (int)CertificateStatus.Valid, suspended = (int)CertificateStatus.Suspended,
            revoked = (int)CertificateStatus.Revoked, cancelled = (int)CertificateStatus.Cancelled, expired = (int)CertificateStatus.Expired;
        if (ahead.Count == 0)
        {
            return c => c.IssuedOn > today ? notYetValid
                : c.Status == CertificateStatus.Revoked ? revoked
                : c.Status == CertificateStatus.Cancelled ? cancelled
                : c.ValidUntil < today ? expired
                : c.ReviewHold || c.SuspendedUntil >= today ? suspended
                : valid;
        }
        var replayed = ahead.ToLookup(c => c.StatusOn(today), c => c.Id);
        var aheadIds = ahead.Select(c => c.Id).ToList();
        var validIds = replayed[CertificateStatus.Valid].ToList();
        var suspendedIds = replayed[CertificateStatus.Suspended].ToList();
        var revokedIds = replayed[CertificateStatus.Revoked].ToList();
        var cancelledIds = replayed[CertificateStatus.Cancelled].ToList();
        // Issued on or before today, so never "not yet valid": what is left is expired.
        return c => aheadIds.Contains(c.Id)
            ? (validIds.Contains(c.Id) ? valid : suspendedIds.Contains(c.Id) ? suspended : revokedIds.Contains(c.Id) ? revoked : cancelledIds.Contains(c.Id) ? cancelled : expired)
            : c.IssuedOn > today ? notYetValid
            : c.Status == CertificateStatus.Revoked ? revoked
            : c.Status == CertificateStatus.Cancelled ? cancelled
            : c.ValidUntil < today ? expired
            : c.ReviewHold || c.SuspendedUntil >= today ? suspended
            : valid;
    }

    /// <summary>
    /// <see cref="Certificate.IsReviewOverdueOn"/> on <paramref name="today"/> under the settings of each certificate's body:
    /// the year whose review has fallen due depends only on the region's due day, so the bodies of
    /// <paramref name="certificates"/> (read once, distinct) fall into at most two groups by that year.
    /// </summary>
    public static async Task<Expression<Func<Certificate, bool>>> ReviewOverdueAsync(
        PersonnelContext ctx, IQueryable<Certificate> certificates, DateOnly today, CancellationToken ct)
    {
        var bodyIds = await certificates.Select(c => c.BodyId).Distinct().ToListAsync(ct);
        var settings = await ctx.SettingsForBodiesAsync(bodyIds, ct);
        var lastYear = today.Year - 1;
        var yearBefore = today.Year - 2;
        var dueLastYear = new List<Guid>();
        var dueYearBefore = new List<Guid>();
        foreach (var (body, s) in settings)
        {
            if (s.AnnualReviewDueBy is { } due)
                (today > due.In(today.Year) ? dueLastYear : dueYearBefore).Add(body);
        }
        return c => (dueLastYear.Contains(c.BodyId) && c.IssuedOn.Year < lastYear
                && !c.History.Any(e => e.Kind == CertificateEventKind.ReviewPassed && e.Year == lastYear && e.On <= today))
            || (dueYearBefore.Contains(c.BodyId) && c.IssuedOn.Year < yearBefore
                && !c.History.Any(e => e.Kind == CertificateEventKind.ReviewPassed && e.Year == yearBefore && e.On <= today));
    }

    /// <summary><paramref name="then"/> applied to what <paramref name="first"/> gives: one lambda the database can run.</summary>
    public static Expression<Func<T, TResult>> Then<T, TValue, TResult>(this Expression<Func<T, TValue>> first, Expression<Func<TValue, TResult>> then) =>
        Expression.Lambda<Func<T, TResult>>(new Substitute(then.Parameters[0], first.Body).Visit(then.Body), first.Parameters);

    /// <summary>Two lambdas of one row combined by <paramref name="combine"/>.</summary>
    public static Expression<Func<T, TResult>> With<T, TA, TB, TResult>(this Expression<Func<T, TA>> a, Expression<Func<T, TB>> b, Expression<Func<TA, TB, TResult>> combine)
    {
        var bBody = new Substitute(b.Parameters[0], a.Parameters[0]).Visit(b.Body);
        var body = new Substitute(combine.Parameters[1], bBody).Visit(new Substitute(combine.Parameters[0], a.Body).Visit(combine.Body));
        return Expression.Lambda<Func<T, TResult>>(body, a.Parameters);
    }

    private sealed class Substitute(ParameterExpression parameter, Expression by) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? by : base.VisitParameter(node);
    }
}
