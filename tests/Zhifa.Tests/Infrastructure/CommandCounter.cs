using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Zhifa.Tests.Infrastructure;

/// <summary>Counts the SQL commands the app sends, by their first words.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<string, int> _kinds = new(StringComparer.Ordinal);
    private int _count;
    private int _inserts;

    public int Count => _count;
    public int Inserts => _inserts;

    public IReadOnlyDictionary<string, int> ByKind() => _kinds;

    public void Reset()
    {
        _count = 0;
        _inserts = 0;
        _kinds.Clear();
    }

    private void Record(DbCommand command)
    {
        Interlocked.Increment(ref _count);
        var text = command.CommandText.TrimStart();
        if (text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase))
            Interlocked.Increment(ref _inserts);
        var kind = string.Join(' ', text.Split([' ', '\n', '\r', '\t'], 4, StringSplitOptions.RemoveEmptyEntries).Take(3));
        _kinds.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return base.ReaderExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return base.NonQueryExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return base.ScalarExecuting(command, eventData, result);
    }
}
