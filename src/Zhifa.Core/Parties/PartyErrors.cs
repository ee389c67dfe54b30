using Zhifa.Core.Common;

namespace Zhifa.Core.Parties;

/// <summary>The expected failures of the party registry: each code is stable, API-visible and the resource key of its message.</summary>
public static class PartyErrors
{
    // Wrong fields.
    public static ValidationError NameRequired(string field = "name") => ValidationError.For(field, "party.name_required");
    public static ValidationError NameTooLong(int maxLength, string field = "name") => ValidationError.For(field, "party.name_too_long", maxLength);
    public static ValidationError CreditCodeRequired(string field = "creditCode") => ValidationError.For(field, "party.credit_code_required");
    public static ValidationError CreditCodeLength(string field = "creditCode") => ValidationError.For(field, "party.credit_code_length");
    public static ValidationError CreditCodeCharacters(string field = "creditCode") => ValidationError.For(field, "party.credit_code_characters");
    public static ValidationError CreditCodeCheck(string field = "creditCode") => ValidationError.For(field, "party.credit_code_check");
    public static ValidationError IdNumberRequired(string field = "idNumber") => ValidationError.For(field, "party.id_number_required");
    public static ValidationError RiskTagsInvalid(int most, int longest) => ValidationError.For("riskTags", "party.risk_tags_invalid", most, longest);

    public static ValidationError TextTooLong(string field, int maxLength) => ValidationError.For(field, "party.text_too_long", maxLength);
    public static ValidationError PhoneInvalid(string field = "phone") => ValidationError.For(field, "party.phone_invalid");
    public static ValidationError RegionUnknown(string field = "regionId") => ValidationError.For(field, "party.region_unknown");
    public static ValidationError ImportFileRequired(string field = "file") => ValidationError.For(field, "party.import_file_required");

    // Cells of an import.
    public static ImportRejected ImportEmpty() => new([new ImportRowError(1, "", "party.import_empty", [])]);
    public static FieldMessage ImportKindUnknown(string text) => new("party.import_kind_unknown", [text]);
    public static FieldMessage ImportRegionUnknown(string text) => new("party.import_region_unknown", [text]);
    public static FieldMessage ImportIndustryUnknown(string text) => new("party.import_industry_unknown", [text]);
    public static FieldMessage ImportGradeUnknown(string text) => new("party.import_grade_unknown", [text]);
    /// <summary>The row's credit code or ID number is already in the file, first in row <paramref name="firstRow"/>.</summary>
    public static FieldMessage ImportRepeated(int firstRow) => new("party.import_repeated", [firstRow]);

    // Clashes with the current state: the party is registered already (the answer names it).
    public static ConflictError CreditCodeTaken(string existingName, Guid existingId, string field = "creditCode") =>
        new("party.credit_code_taken", field, existingName, existingId);
    public static ConflictError IdNumberTaken(string existingName, Guid existingId, string field = "idNumber") =>
        new("party.id_number_taken", field, existingName, existingId);

    /// <summary>A bulk import found a party of its file registered by someone else after its rows were checked; nothing was imported.</summary>
    public static ConflictError ImportRegisteredMeanwhile() => new("party.import_registered_meanwhile");

    // Not found, or outside the caller's scope.
    public static NotFoundError PartyNotFound() => new("party");

    /// <summary>An imported row's ID number or credit code is already registered (a cell of the import report).</summary>
    public static FieldMessage IdNumberRegisteredCell() => new("party.id_number_registered", []);

    public static FieldMessage CreditCodeRegisteredCell() => new("party.credit_code_registered", []);
}
