using System.Diagnostics.CodeAnalysis;

namespace Zhifa.Core.Common;

/// <summary>The outcome of a use case: a value, or an expected <see cref="Common.Error"/>.</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    public Error? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"No value: {Error.Describe()}");

#pragma warning disable CA2225 // implicit conversions are the point: a use case returns either a value or an error.
    public static implicit operator Result<T>(T value) => new(value, null);
    public static implicit operator Result<T>(Error error) => new(default, error);
#pragma warning restore CA2225
}
