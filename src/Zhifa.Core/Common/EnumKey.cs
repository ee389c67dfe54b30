namespace Zhifa.Core.Common;

internal static class EnumKey
{
    /// <summary>The resource key of an enum value's display name, passed as an error argument to be localised.</summary>
    public static string Of<T>(T value) where T : struct, Enum => $"enum.{typeof(T).Name}.{value}";
}
