namespace Zhifa.Web.Common;

internal static class LocalPath
{
    /// <summary>The path if it is local to this site, else "/": the switches' return addresses never redirect elsewhere.</summary>
    public static string OrRoot(string? path) =>
        !string.IsNullOrEmpty(path) && path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal)
            ? path : "/";
}
