using Zhifa.Core.Common;

namespace Zhifa.Web.Common;

/// <summary>How every endpoint answers a use case: the resource read back on success, a problem otherwise.</summary>
public static class EndpointResults
{
    public static IResult ToResult<T>(this Result<T> result, HttpContext http) =>
        result.IsSuccess ? Results.Ok(result.Value) : result.Error.ToProblem(http);

    /// <summary>201 at the location of what was made, or the problem.</summary>
    public static IResult ToCreated<T>(this Result<T> result, HttpContext http, Func<T, string> location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return result.IsSuccess ? Results.Created(location(result.Value), result.Value) : result.Error.ToProblem(http);
    }

    /// <summary>Runs a command; on success answers 200 with what <paramref name="read"/> returns for the id.</summary>
    public static async Task<IResult> ThenOk<T>(this Task<Result<Guid>> action, Func<Guid, Task<Result<T>>> read, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(read);
        var result = await action;
        return result.IsSuccess ? Results.Ok((await read(result.Value)).Value) : result.Error.ToProblem(http);
    }

    /// <summary>Runs a command; on success answers 201 at <paramref name="locationPrefix"/> + id with what <paramref name="read"/> returns.</summary>
    public static async Task<IResult> ThenCreated<T>(this Task<Result<Guid>> action, Func<Guid, Task<Result<T>>> read, string locationPrefix, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(read);
        var result = await action;
        return result.IsSuccess ? Results.Created(locationPrefix + result.Value, (await read(result.Value)).Value) : result.Error.ToProblem(http);
    }
}
