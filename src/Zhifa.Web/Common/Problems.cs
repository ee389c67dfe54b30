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

    public static IResult ToProblem(this Error error, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(http);
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<Ui>>();
        return error switch
        {
            ValidationError v => TypedResults.ValidationProblem(
                Localize(v.Fields, l), title: l["problem.validation"], type: TypeBase + "validation"),
            NotFoundError n => Problem(404, "not-found", l["problem.not_found"], Message(l, n), null),
            ConflictError { Field: { } field } c => Results.Problem(new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [field] = [Message(l, c)] })
            {
                Status = StatusCodes.Status409Conflict,
                Title = l["problem.conflict"],
                Type = TypeBase + "conflict",
                Detail = Message(l, c),
                Extensions = { ["code"] = c.Code },
            }),
            ConflictError c => Problem(409, "conflict", l["problem.conflict"], Message(l, c), new() { ["code"] = c.Code }),
            RuleViolation rv => Problem(422, "rule-violation", l["problem.rule"], Message(l, rv), new() { ["rule"] = rv.RuleId, ["code"] = rv.Code }),
            ForbiddenError f => Problem(403, "forbidden", l["problem.forbidden"], Message(l, f), new() { ["permission"] = f.Permission, ["code"] = f.Code }),
            ImportRejected ir => Problem(400, "import-rejected", l["problem.import_rejected"], Message(l, ir), new()
            {
                ["rows"] = ir.Rows.Select(r => new { row = r.Row, column = r.Column, code = r.Code, message = Format(l, r.Code, r.Args) }).ToList(),
            }),
            UnauthorizedError u => Problem(401, "unauthorized", l["problem.unauthorized"], Message(l, u), new() { ["code"] = u.Code }),
            ThrottledError t => Problem(429, "throttled", l["problem.throttled"], Message(l, t), new() { ["code"] = t.Code }),
            _ => throw new InvalidOperationException($"Unmapped error type {error.GetType().Name}."),
        };
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

    private static ProblemHttpResult Problem(int status, string type, string title, string detail, Dictionary<string, object?>? extensions) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: TypeBase + type, extensions: extensions);
}
