using Zhifa.Core.Common;

namespace Zhifa.Core.Personnel;

/// <summary>Free text typed by people: names, posts, the reasons that go with personnel decisions.</summary>
internal static class Text
{
    public const int MaxReasonLength = 500;

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static Error? CheckReason(string? reason, bool required) =>
        required && Clean(reason) is null ? PersonnelErrors.ReasonRequired()
        : Clean(reason)?.Length > MaxReasonLength ? PersonnelErrors.ReasonTooLong(MaxReasonLength)
        : null;
}

/// <summary>Instants are passed in, never read from a clock, and are UTC.</summary>
internal static class Utc
{
    public static DateTime Check(DateTime now) =>
        now.Kind == DateTimeKind.Utc ? now : throw new ArgumentException("Instants are UTC.", nameof(now));

    public static Guid NewId(DateTime now) => Guid.CreateVersion7(new DateTimeOffset(Check(now)));
}

