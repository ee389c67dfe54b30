using Zhifa.Core.Common;

namespace Zhifa.Core.Personnel;

/// <summary>The expected failures of personnel: each code is stable, API-visible and the resource key of its message.</summary>
public static class PersonnelErrors
{
    // Wrong fields (one field each; a builder collects several).
    public static ValidationError IdNumberWrongLength(int length, string field = "idNumber") => ValidationError.For(field, "id_number.length", length);
    public static ValidationError IdNumberNotDigits(string field = "idNumber") => ValidationError.For(field, "id_number.digits");
    public static ValidationError IdNumberBirthDateInvalid(string field = "idNumber") => ValidationError.For(field, "id_number.birth_date");
    public static ValidationError IdNumberCheckDigitWrong(string field = "idNumber") => ValidationError.For(field, "id_number.check_digit");
    public static ValidationError OfficerNameRequired(string field = "fullName") => ValidationError.For(field, "officer.name_required");
    public static ValidationError OfficerNameTooLong(int maxLength, string field = "fullName") => ValidationError.For(field, "officer.name_too_long", maxLength);
    public static ValidationError PostTooLong(int maxLength, string field = "post") => ValidationError.For(field, "officer.post_too_long", maxLength);
    public static ValidationError OfficerFieldsRequired(string field = "fields") => ValidationError.For(field, "officer.fields_required");
    public static ValidationError UnitNotInBody(string field = "unitId") => ValidationError.For(field, "officer.unit_not_in_body");
    public static ValidationError UnknownOfficer(string field = "officerId") => ValidationError.For(field, "officer.not_found");
    public static ValidationError EmploymentDateBeforeLast(DateOnly lastOn, string field = "on") => ValidationError.For(field, "officer.employment_date_before_last", lastOn);
    public static ValidationError ReasonRequired(string field = "reason") => ValidationError.For(field, "personnel.reason_required");
    public static ValidationError ReasonTooLong(int maxLength, string field = "reason") => ValidationError.For(field, "personnel.reason_too_long", maxLength);
    public static ValidationError CourseNameRequired(string field = "name") => ValidationError.For(field, "training.name_required");
    public static ValidationError CourseNameTooLong(int maxLength, string field = "name") => ValidationError.For(field, "training.name_too_long", maxLength);
    public static ValidationError TrainingHoursOutOfRange(decimal maxHours, string field = "hours") => ValidationError.For(field, "training.hours_out_of_range", maxHours);
    public static ValidationError SessionEndsBeforeStart(string field = "endsOn") => ValidationError.For(field, "training.ends_before_start");
    public static ValidationError AttendanceHoursOutOfRange(decimal sessionHours, string field = "hours") => ValidationError.For(field, "training.attendance_hours_out_of_range", sessionHours);
    public static ValidationError AssessmentYearOutOfRange(int firstYear, string field = "year") => ValidationError.For(field, "assessment.year_out_of_range", firstYear);
    public static ValidationError AssessmentRemarksTooLong(int maxLength, string field = "remarks") => ValidationError.For(field, "assessment.remarks_too_long", maxLength);
    public static ValidationError ExamNameRequired(string field = "name") => ValidationError.For(field, "exam.name_required");
    public static ValidationError ExamNameTooLong(int maxLength, string field = "name") => ValidationError.For(field, "exam.name_too_long", maxLength);
    public static ValidationError ScoreOutOfRange(decimal fullScore, string field = "score") => ValidationError.For(field, "exam.score_out_of_range", fullScore);
    public static ValidationError SuspensionEndRequired(string field = "until") => ValidationError.For(field, "cert.until_required");
    public static ValidationError CertificateActionUnknown(string field = "action") => ValidationError.For(field, "cert.action_unknown");
    public static ValidationError CertificateNumberPatternInvalid(string field = "certificateNumberPattern") => ValidationError.For(field, "cert.number_pattern_invalid");
    public static ValidationError CertificateFieldsRequired(string field = "fields") => ValidationError.For(field, "cert.fields_required");
    public static ValidationError CertificateFieldOutsideOfficerFields(string field = "fields") => ValidationError.For(field, "cert.field_outside_officer_fields");
    public static ValidationError CertificateNumberMalformed(string pattern, string field = "number") => ValidationError.For(field, "cert.number_malformed", pattern);
    public static ValidationError CertificateNumberWrongRegion(string regionCode, string field = "number") => ValidationError.For(field, "cert.number_wrong_region", regionCode);
    public static ValidationError SuspensionEndsBeforeStart(string field = "until") => ValidationError.For(field, "cert.suspension_ends_before_start");
    public static ValidationError DateBeforeLastEvent(DateOnly lastEventOn, string field = "on") => ValidationError.For(field, "cert.date_before_last_event", lastEventOn);
    public static ValidationError ReviewYearOutOfRange(int firstYear, int lastYear, string field = "year") => ValidationError.For(field, "cert.review_year_out_of_range", firstYear, lastYear);
    public static ValidationError PassMarkOutOfRange(object fullScore, string field = "examPassMark") => ValidationError.For(field, "settings.pass_mark_out_of_range", fullScore);
    public static ValidationError ValidityYearsOutOfRange(int min, int max, string field = "certificateValidityYears") => ValidationError.For(field, "settings.validity_out_of_range", min, max);
    public static ValidationError TrainingWindowOutOfRange(int min, int max, string field = "preCertificationTrainingMonths") => ValidationError.For(field, "settings.training_window_out_of_range", min, max);
    public static ValidationError ReviewDueInvalid(string field = "annualReviewDueBy") => ValidationError.For(field, "settings.review_due_invalid");
    public static ValidationError TrainingHoursNegative(string field = "training") => ValidationError.For(field, "settings.training_hours_negative");
    public static ValidationError ImportFileRequired(string field = "file") => ValidationError.For(field, "import.file_required");

    // Cells of an import: a refused import lists every wrong cell by row and column.
    public static ImportRejected ImportEmpty() => new([new ImportRowError(1, "", "import.empty", [])]);
    public static FieldMessage ImportBodyUnknown(string text) => new("import.body_unknown", [text]);
    public static FieldMessage ImportUnitNotInBody() => new("officer.unit_not_in_body", []);
    public static FieldMessage ImportFieldUnknown(string text) => new("import.field_unknown", [text]);
    public static FieldMessage ImportYesNo() => new("import.yes_no", []);
    public static FieldMessage ImportDateInvalid() => new("import.date_invalid", []);
    public static FieldMessage ImportIdNumberRepeated() => new("import.id_number_repeated", []);
    public static FieldMessage ImportOfficerUnknown() => new("import.officer_unknown", []);
    public static FieldMessage ImportNumberInvalid() => new("import.number_invalid", []);

    // Clashes with the current state.
    public static ConflictError IdNumberDuplicate(string field = "idNumber") => new("officer.id_number_duplicate", field);
    public static ConflictError BodyChangeNeedsTransfer(string field = "bodyId") => new("officer.body_change_needs_transfer", field);
    public static ConflictError EmploymentTransitionNotAllowed(string from, string to, string field = "status") => new("officer.employment_transition", field, from, to);
    public static ConflictError TrainingOfficerNotActive(string field = "officerId") => new("training.officer_not_active", field);
    public static ConflictError AttendanceDuplicate(string field = "officerId") => new("training.attendance_duplicate", field);
    public static ConflictError AssessmentDuplicate(int year, string field = "year") => new("assessment.duplicate", field, year);
    public static ConflictError ExamResultDuplicate(string field = "officerId") => new("exam.result_duplicate", field);
    public static ConflictError CertificateNumberSequenceExhausted(string pattern) => new("cert.number_sequence_exhausted", null, pattern);
    public static ConflictError CertificateAlreadyHeld(string heldNumber) => new("cert.already_held", null, heldNumber);
    public static ConflictError CertificateNumberDuplicate(string number, string field = "number") => new("cert.number_duplicate", field, number);
    public static ConflictError ReviewAlreadyPassed(int year, string field = "year") => new("cert.review_already_passed", field, year);
    public static ConflictError AlreadySuspended(DateOnly until) => new("cert.already_suspended", null, until);
    public static ConflictError SuspendedUntilReview() => new("cert.suspended_until_review");
    public static ConflictError NotSuspended() => new("cert.not_suspended");
    public static ConflictError NotYetExpired(DateOnly validUntil) => new("cert.not_yet_expired", null, validUntil);
    public static ConflictError CertificateNotActive(string status) => new("cert.not_active", null, status);

    // Statutory rules (RULES.md).
    public static RuleViolation CertificateRequiresActiveOfficer() => new("ZFRY-CERT", "cert.officer_not_active");
    public static RuleViolation CertificateRequiresPassedExam() => new("ZFRY-CERT", "cert.exam_not_passed");
    /// <summary>An eligibility refusal (<see cref="Eligibility"/>): the rule and the reason it names.</summary>
    public static RuleViolation NotEligible(string ruleId, string reasonCode) => new(ruleId, reasonCode);
    public static RuleViolation CertificateRequiresTraining(decimal publicLegalShortfall, decimal businessShortfall, decimal politicalTheoryShortfall, decimal totalShortfall) => new("ZFRY-CERT", "cert.training_not_met", publicLegalShortfall, businessShortfall, politicalTheoryShortfall, totalShortfall);

    // Not found, or outside the caller's scope.
    public static NotFoundError OfficerNotFound() => new("officer");
    public static NotFoundError TrainingSessionNotFound() => new("session");
    public static NotFoundError CourseNotFound() => new("course");
    public static NotFoundError CertificateNotFound() => new("certificate");
    public static NotFoundError ExamNotFound() => new("exam");
}
