namespace Zhifa.Web.Resources;

/// <summary>Marker for the user-interface strings: <c>Ui.resx</c> (Simplified Chinese, the default) and <c>Ui.en.resx</c>.</summary>
#pragma warning disable CA1052 // a marker type for IStringLocalizer<Ui>; never instantiated.
public sealed class Ui
{
    private Ui()
    {
    }
}
#pragma warning restore CA1052
