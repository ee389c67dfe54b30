using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Zhifa.Core.Common;
using Zhifa.Web.Resources;

namespace Zhifa.Web.Common;

/// <summary>The one place where expected failures become RFC 9457 problem details, in the caller's language.</summary>
public static class Problems
{
    public const string TypeBase = "/problems/";

    /// <summary>
    /// The problem for an expected failure. Every problem has the same shape: <c>type</c> under <see cref="TypeBase"/>,
    /// <c>title</c> (the kind), <c>status</c>, <c>detail</c> (the localised message of <c>code</c>), <c>code</c> and
    /// <c>traceId</c>; a rule violation adds <c>rule</c>, a refusal <c>permission</c>, wrong fields <c>errors</c>,
    /// a refused import <c>rows</c> (the first wrong cells) and <c>total</c> (all of them), a refused import file
    /// <c>errors.file</c> and, past a limit, <c>limit</c> (its setting).
    /// </summary>
    public static IResult ToProblem(this Error error, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(http);
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<Ui>>();
        var (status, type, title) = error switch
        {
            ValidationError => (StatusCodes.Status400BadRequest, "validation", "problem.validation"),
            NotFoundError => (StatusCodes.Status404NotFound, "not-found", "problem.not_found"),
            ConflictError => (StatusCodes.Status409Conflict, "conflict", "problem.conflict"),
            RuleViolation => (StatusCodes.Status422UnprocessableEntity, "rule-violation", "problem.rule"),
            ForbiddenError => (StatusCodes.Status403Forbidden, "forbidden", "problem.forbidden"),
            ImportRejected => (StatusCodes.Status400BadRequest, "import-rejected", "problem.import_rejected"),
            ImportFileRefused => (StatusCodes.Status400BadRequest, "import-file-refused", "problem.import_file_refused"),
            UnauthorizedError => (StatusCodes.Status401Unauthorized, "unauthorized", "problem.unauthorized"),
            ThrottledError => (StatusCodes.Status429TooManyRequests, "throttled", "problem.throttled"),
            _ => throw new InvalidOperationException($"Unmapped error type {error.GetType().Name}."),
        };
        ProblemDetails problem = error switch
        {
            ValidationError v => new HttpValidationProblemDetails(Localize(v.Fields, l)),
            ConflictError { Field: { } field } c => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [Message(l, c)] }),
            ImportFileRefused f => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [ImportFileRefused.Field] = [Message(l, f)] }),
            _ => new ProblemDetails(),
        };
        problem.Status = status;
        problem.Type = TypeBase + type;
        problem.Title = l[title];
        problem.Detail = Message(l, error);
        problem.Extensions["code"] = error.Code;
        problem.Extensions["traceId"] = http.TraceIdentifier;
        switch (error)
        {
            case RuleViolation rv:
                problem.Extensions["rule"] = rv.RuleId;
                break;
            case ForbiddenError f:
                problem.Extensions["permission"] = f.Permission;
                break;
            case ImportRejected ir:
                problem.Extensions["rows"] = ir.Rows.Select(r => new { row = r.Row, column = r.Column, code = r.Code, message = Format(l, r.Code, r.Args) }).ToList();
                problem.Extensions["total"] = ir.Total;
                break;
            case ImportFileRefused { Limit: { } limit }:
                problem.Extensions["limit"] = limit;
                break;
        }
        return TypedResults.Problem(problem);
    }

    /// <summary>
    /// Writes the problem for <paramref name="error"/> straight to the response: for the paths outside the endpoints
    /// (authentication, authorization, the rate limiter, exception handlers), so that they answer in the same shape.
    /// </summary>
    public static Task WriteProblemAsync(this Error error, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return error.ToProblem(http).ExecuteAsync(http);
    }

    /// <summary>The localised sentence for an error or field message: the resource of its code, formatted with its arguments.</summary>
    public static string Message(IStringLocalizer l, Error error)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(error);
        return Format(l, error.Code, error.Args);
    }

    public static string Format(IStringLocalizer l, string code, IReadOnlyList<object> args)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(args);
        // A resource key among the arguments is shown as its text; a date as 2026-03-17 in either language.
        return l[code, args.Select(a => a switch
        {
            string s when l[s] is { ResourceNotFound: false } t => t.Value,
            DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            _ => a,
        }).ToArray()];
    }

    public static Dictionary<string, string[]> Localize(IReadOnlyDictionary<string, FieldMessage[]> fields, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return fields.ToDictionary(f => f.Key, f => f.Value.Select(m => Format(l, m.Code, m.Args)).ToArray());
    }

    /// <summary>Field-level messages of any error, for forms: validation fields, a conflict's field, or the empty key.</summary>
    public static Dictionary<string, string[]> FieldMessages(IStringLocalizer l, Error error) => error switch
    {
        ValidationError v => Localize(v.Fields, l),
        ConflictError { Field: { } field } c => new() { [field] = [Message(l, c)] },
        _ => new() { [""] = [Message(l, error)] },
    };
}
