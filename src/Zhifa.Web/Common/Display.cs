using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Zhifa.Web.Common;

/// <summary>How values are shown to people: China time, dates as 2026-03-17, enums from resources.</summary>
public static class Display
{
    public static string ChinaTime(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Zhifa.Core.Common.ChinaDate.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string ChinaDate(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Zhifa.Core.Common.ChinaDate.Offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Enum<T>(IStringLocalizer l, T value) where T : struct, System.Enum
    {
        ArgumentNullException.ThrowIfNull(l);
        return l[$"enum.{typeof(T).Name}.{value}"];
    }

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
