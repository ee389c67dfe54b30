using Zhifa.Core.Common;

namespace Zhifa.Core.Records;

/// <summary>The expected failures of the case's record: each code is stable, API-visible and the resource key of its message.</summary>
public static class RecordsErrors
{
    public static NotFoundError EvidenceNotFound() => new("evidence");
    public static NotFoundError DocumentNotFound() => new("document");

    public static ValidationError FileMissing(string field = "file") => ValidationError.For(field, "records.file_missing");

    /// <summary>The content is none of the formats a case keeps (an executable renamed .jpg is caught here).</summary>
    public static ValidationError FileTypeUnknown(string field = "file") => ValidationError.For(field, "records.file_type_unknown");

    /// <summary>The content is of another kind than the one named (a PDF sent as a photo).</summary>
    public static ValidationError FileNotOfKind(string kind, string found, string field = "file") =>
        ValidationError.For(field, "records.file_not_of_kind", $"enum.EvidenceKind.{kind}", $"enum.EvidenceKind.{found}");

    public static ValidationError FileTooLarge(long limitMegabytes, string field = "file") => ValidationError.For(field, "records.file_too_large", limitMegabytes);

    public static ValidationError CoordinatesIncomplete(string field) => ValidationError.For(field, "records.coordinates_incomplete");

    public static ValidationError TakenInFuture(string field = "takenAt") => ValidationError.For(field, "records.taken_in_future");

    /// <summary>A template names a placeholder that does not exist (a typo would print as it is).</summary>
    public static ValidationError TemplatePlaceholderUnknown(string name, string field = "text") => ValidationError.For(field, "records.template_placeholder_unknown", name);

    /// <summary>A template leaves out what its kind must carry (the decision: XZCF-59's items; every document: the body and the seal).</summary>
    public static ValidationError TemplatePlaceholderMissing(string name, string field = "text") => ValidationError.For(field, "records.template_placeholder_missing", name);

    public static ValidationError StepUnknown(string field = "step") => ValidationError.For(field, "records.step_unknown");

    /// <summary>An archived case's file is locked (CASEFLOW.md step 14).</summary>
    public static ConflictError CaseFileLocked() => new("records.case_file_locked");

    public static ConflictError AlreadyWithdrawn() => new("records.already_withdrawn");

    public static ValidationError UploadNotFound(string field = "uploadId") => ValidationError.For(field, "records.upload_not_found");

    /// <summary>The upload has not all arrived: it stays, and goes on from its offset.</summary>
    public static ConflictError UploadIncomplete(long offset, long length) => new("records.upload_incomplete", "uploadId", offset, length);

    /// <summary>A piece sent at another offset than the one the server has.</summary>
    public static ConflictError UploadOffsetMismatch(long offset) => new("records.upload_offset_mismatch", "Upload-Offset", offset);

    public static ValidationError UploadLengthOutOfRange(long maxMegabytes, string field = "length") => ValidationError.For(field, "records.upload_length", maxMegabytes);

    /// <summary>A document asked for a step the case has not taken: it cannot exist yet.</summary>
    public static ConflictError StepNotTaken(string kind) => new("records.step_not_taken", null, $"enum.DocumentKind.{kind}");
}
