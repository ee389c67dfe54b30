using Zhifa.Core.Organizations;

namespace Zhifa.Web.Components.Shared;

/// <summary>One choice of a <see cref="Picker"/>: its value, its name, and the path that tells same-named ones apart.</summary>
public sealed record PickerOption(string Value, string Text, string Trail = "")
{
    /// <summary>Organisations with the names of their ancestors ("山西省 / 忻州市 / 原平市").</summary>
    public static IEnumerable<PickerOption> Of(IEnumerable<OrganizationOption> organizations) =>
        organizations.Select(o => new PickerOption(o.Id.ToString(), o.Name, o.Trail));

    /// <summary>The chosen value of a single picker, or nothing.</summary>
    public static IReadOnlyCollection<string> One(string? value) => string.IsNullOrEmpty(value) ? [] : [value];

    public static IReadOnlyCollection<string> One(Guid? value) => value is { } v ? [v.ToString()] : [];
}
