namespace Zhifa.Web.Common;

internal static class LocalPath
{
    /// <summary>The path if it is local to this site, else "/": return addresses (sign-in, switches) never redirect elsewhere.</summary>
    public static string OrRoot(string? path) =>
        !string.IsNullOrEmpty(path) && path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal)
            ? path : "/";
}
