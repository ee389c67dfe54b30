using System.ComponentModel.DataAnnotations;
using Zhifa.Core.Common;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Catalogue;

/// <summary>One provision an item rests on: 《law or regulation》, article, optional clause, and its text.</summary>
public sealed record LegalBasis(
    [MaxLength(LegalBasis.MaxLawNameLength)] string LawName, [MaxLength(LegalBasis.MaxArticleLength)] string Article,
    [MaxLength(LegalBasis.MaxArticleLength)] string? Clause, [MaxLength(LegalBasis.MaxTextLength)] string Text)
{
    public const int MaxLawNameLength = 200;
    public const int MaxArticleLength = 50;
    public const int MaxTextLength = 5000;

    /// <summary>Law, article and clause without spaces or title marks, so that two citations of one provision compare equal.</summary>
    public string ProvisionKey() => $"{Normalize(LawName)}|{Normalize(Article)}|{Normalize(Clause)}";

    public bool Cites(string lawName) => Normalize(LawName) == Normalize(lawName);

    private static string Normalize(string? s) =>
        string.Concat((s ?? "").Where(c => !char.IsWhiteSpace(c) && c is not ('《' or '》')));
}

/// <summary>
/// A power delegated to townships (乡镇赋权): the document that delegates it, since when, and when the
/// township's capacity to carry it must first be evaluated. Later evaluations are recorded on the item.
/// </summary>
public sealed record TownshipDelegation([MaxLength(TownshipDelegation.MaxDocumentLength)] string Document, DateOnly DelegatedOn, DateOnly EvaluationDueOn)
{
    public const int MaxDocumentLength = 200;
}

/// <summary>An evaluation of whether the township carries a delegated item, and when the next one is due.</summary>
public sealed record DelegationEvaluation(DateOnly EvaluatedOn, EvaluationResult Result, DateOnly NextDueOn, string? Notes);

/// <summary>What one version of an item says: everything an amendment may change.</summary>
public sealed record ItemContent(
    string Name,
    ItemKind Kind,
    IReadOnlyList<LegalBasis> Bases,
    IReadOnlyList<Guid> BodyIds,
    RegionLevel SettingLevel,
    TownshipDelegation? Delegation = null)
{
    public const int MaxNameLength = 200;

    /// <summary>Form checks that hold for a draft too; completeness is checked on submission.</summary>
    /// <summary>Every wrong field at once (name, legal bases, delegation); null when the content is right.</summary>
    internal ValidationError? Check()
    {
        var errors = new ValidationBuilder();
        if (string.IsNullOrWhiteSpace(Name))
            errors.Add(CatalogueErrors.NameRequired());
        else if (Name.Trim().Length > MaxNameLength)
            errors.Add(CatalogueErrors.NameTooLong(MaxNameLength));
        if (Bases.Any(b => string.IsNullOrWhiteSpace(b.LawName) || string.IsNullOrWhiteSpace(b.Article) || string.IsNullOrWhiteSpace(b.Text)))
            errors.Add(CatalogueErrors.BasisIncomplete());
        if (Delegation is { } d && (string.IsNullOrWhiteSpace(d.Document) || d.EvaluationDueOn < d.DelegatedOn))
            errors.Add(CatalogueErrors.DelegationIncomplete());
        return errors.Build();
    }
}
