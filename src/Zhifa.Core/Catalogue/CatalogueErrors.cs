using Zhifa.Core.Common;

namespace Zhifa.Core.Catalogue;

/// <summary>The expected failures of catalogue: each code is stable, API-visible and the resource key of its message.</summary>
public static class CatalogueErrors
{
    // Wrong fields (one field each; a builder collects several).
    public static ValidationError NoLegalBasis(string field = "bases") => ValidationError.For(field, "catalogue.no_legal_basis");
    public static ValidationError NoImplementingBody(string field = "bodyIds") => ValidationError.For(field, "catalogue.no_body");
    public static ValidationError CommentsRequired(string field = "comments") => ValidationError.For(field, "catalogue.comments_required");
    public static ValidationError DateTooEarly(DateOnly earliest, string field = "effectiveFrom") => ValidationError.For(field, "catalogue.date_too_early", earliest);
    public static ValidationError CodeRequired(string field = "code") => ValidationError.For(field, "catalogue.code_required");
    public static ValidationError CodeTooLong(int maxLength, string field = "code") => ValidationError.For(field, "catalogue.code_too_long", maxLength);
    public static ValidationError NameRequired(string field = "name") => ValidationError.For(field, "catalogue.name_required");
    public static ValidationError NameTooLong(int maxLength, string field = "name") => ValidationError.For(field, "catalogue.name_too_long", maxLength);
    public static ValidationError BasisIncomplete(string field = "bases") => ValidationError.For(field, "catalogue.basis_incomplete");
    public static ValidationError DelegationIncomplete(string field = "delegation") => ValidationError.For(field, "catalogue.delegation_incomplete");
    public static ValidationError DateInFuture(string field = "evaluatedOn") => ValidationError.For(field, "catalogue.date_in_future");
    public static ValidationError UnknownOwner(string field = "ownerId") => ValidationError.For(field, "catalogue.owner_not_found");
    public static ValidationError UnknownBody(string field = "bodyIds") => ValidationError.For(field, "catalogue.body_unknown");
    public static ValidationError DelegationNeedsTownshipBody(string field = "bodyIds") => ValidationError.For(field, "catalogue.delegation_needs_township_body");
    public static ValidationError ImportEmpty(string field = "file") => ValidationError.For(field, "catalogue.import_empty");
    public static ValidationError ImportTooManyRows(int maxRows, string field = "file") => ValidationError.For(field, "catalogue.import_too_many", maxRows);
    public static ValidationError ImportNoFile(string field = "file") => ValidationError.For(field, "catalogue.import_no_file");
    public static ValidationError NextDueRequired(string field = "nextDueOn") => ValidationError.For(field, "cat.next_due_required");

    // Cells of an import (keyed rows[n].column): every wrong cell is reported.
    public static FieldMessage ImportCodeRequired() => new("catalogue.code_required", []);
    public static FieldMessage ImportCodeConflict(string code, int firstRow) => new("catalogue.import_code_conflict", [code, firstRow]);
    public static FieldMessage ImportKindUnknown(string text) => new("catalogue.import_kind_unknown", [text]);
    public static FieldMessage ImportLevelUnknown(string text) => new("catalogue.import_level_unknown", [text]);
    public static FieldMessage ImportBasisIncomplete() => new("catalogue.basis_incomplete", []);
    public static FieldMessage ImportBodyUnknown(string name) => new("catalogue.import_body_unknown", [name]);
    public static FieldMessage ImportBodyAmbiguous(string name) => new("catalogue.import_body_ambiguous", [name]);
    public static FieldMessage ImportDelegationIncomplete() => new("catalogue.delegation_incomplete", []);
    public static FieldMessage ImportEffectiveInFuture() => new("catalogue.import_effective_future", []);
    public static FieldMessage ImportDateInvalid(string text) => new("catalogue.import_date_invalid", [text]);
    public static FieldMessage ImportCodeDuplicate(string code) => new("catalogue.code_duplicate", [code]);
    public static FieldMessage ImportCodeTooLong(int maxLength) => new("catalogue.code_too_long", [maxLength]);
    /// <summary>Only the first <paramref name="listed"/> of <paramref name="total"/> wrong cells are listed (field <c>file</c>).</summary>
    public static FieldMessage ImportErrorsTruncated(int listed, int total) => new("catalogue.import_errors_truncated", [listed, total]);

    // Clashes with the current state.
    public static ConflictError AmendmentOpen(int versionNumber) => new("catalogue.amendment_open", null, versionNumber);
    public static ConflictError NotDelegated(string field = "evaluatedOn") => new("catalogue.not_delegated", field);
    /// <summary>The version's state (<paramref name="stateKey"/>, an enum resource key) does not allow the action.</summary>
    public static ConflictError WrongState(string stateKey, string field = "state") => new("catalogue.wrong_state", field, stateKey);
    public static ConflictError NotInForce(string field = "on") => new("catalogue.not_in_force", field);
    public static ConflictError CodeDuplicate(string code, string field = "code") => new("catalogue.code_duplicate", field, code);

    // Not found, or outside the caller's scope.
    public static NotFoundError ItemNotFound() => new("catalogue_item");
}
