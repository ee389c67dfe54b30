namespace Zhifa.Core.Personnel;

/// <summary>An officer's training hours in a period, set against a requirement (ZFRY-TRAIN).</summary>
public sealed record TrainingSummary(
    DateOnly From, DateOnly To, decimal PublicLegal, decimal Business, decimal PoliticalTheory, TrainingRequirement Requirement)
{
    public decimal Total => PublicLegal + Business + PoliticalTheory;

    public decimal TotalShortfall => Math.Max(0, Requirement.TotalHours - Total);

    public bool Met => HoursNeeded == 0;

    /// <summary>The fewest further hours that would meet the requirement (in the right categories).</summary>
    public decimal HoursNeeded => Math.Max(TotalShortfall, Enum.GetValues<TrainingCategory>().Sum(ShortfallIn));

    public decimal HoursIn(TrainingCategory category) => category switch
    {
        TrainingCategory.PublicLegal => PublicLegal,
        TrainingCategory.Business => Business,
        TrainingCategory.PoliticalTheory => PoliticalTheory,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    public decimal ShortfallIn(TrainingCategory category) => Math.Max(0, Requirement.MinimumFor(category) - HoursIn(category));

    /// <summary>Where the officer falls short and by how many hours: each category, then the total (a null category).</summary>
    public IReadOnlyList<TrainingShortfall> Shortfalls =>
    [
        .. Enum.GetValues<TrainingCategory>().Where(c => ShortfallIn(c) > 0).Select(c => new TrainingShortfall(c, ShortfallIn(c))),
        .. TotalShortfall > 0 ? [new TrainingShortfall(null, TotalShortfall)] : Array.Empty<TrainingShortfall>(),
    ];
}

/// <summary>Hours missing in a category, or in the total when <see cref="Category"/> is null.</summary>
public sealed record TrainingShortfall(TrainingCategory? Category, decimal Hours);

public sealed record OfficerTraining(Guid OfficerId, TrainingSummary Summary);

/// <summary>Full-rotation training (全员轮训) of a body: how many of its active officers completed it.</summary>
public sealed record RotationResult(int Officers, int Completed, IReadOnlyList<OfficerTraining> Incomplete)
{
    /// <summary>Completed / officers, 0 to 1; null for a body without active officers.</summary>
    public decimal? Rate => Officers == 0 ? null : (decimal)Completed / Officers;
}

/// <summary>Training arithmetic over attended hours; pure.</summary>
public static class TrainingCalculator
{
    /// <summary>The hours of one officer in a calendar year.</summary>
    public static TrainingSummary Summarise(IEnumerable<AttendedHours> attended, int year, TrainingRequirement requirement) =>
        Summarise(attended, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), requirement);

    /// <summary>The hours of one officer from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static TrainingSummary Summarise(IEnumerable<AttendedHours> attended, DateOnly from, DateOnly to, TrainingRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(attended);
        ArgumentNullException.ThrowIfNull(requirement);
        var inPeriod = attended.Where(a => a.On >= from && a.On <= to).ToList();
        decimal Sum(TrainingCategory c) => inPeriod.Where(a => a.Category == c).Sum(a => a.Hours);
        return new TrainingSummary(from, to, Sum(TrainingCategory.PublicLegal), Sum(TrainingCategory.Business), Sum(TrainingCategory.PoliticalTheory), requirement);
    }

    /// <summary>
    /// Who is short of the year's requirement so far: the officers active on <paramref name="asOf"/>, with
    /// the hours from 1 January to that day, most hours needed first.
    /// </summary>
    public static IReadOnlyList<OfficerTraining> ShortOfRequirement(
        IEnumerable<Officer> officers, IEnumerable<AttendedHours> attended, DateOnly asOf, TrainingRequirement requirement) =>
        [.. ByOfficer(officers, attended, new DateOnly(asOf.Year, 1, 1), asOf, requirement)
            .Where(o => !o.Summary.Met)
            .OrderByDescending(o => o.Summary.HoursNeeded)];

    /// <summary>
    /// Full-rotation completion of a body by <paramref name="deadline"/>: an officer active on the deadline
    /// has completed the rotation when the hours attended from <paramref name="from"/> to the deadline
    /// meet <paramref name="requirement"/> — meeting it, not merely attending once, is what the rotation asks.
    /// </summary>
    public static RotationResult RotationRate(
        IEnumerable<Officer> bodyOfficers, IEnumerable<AttendedHours> attended, DateOnly from, DateOnly deadline, TrainingRequirement requirement)
    {
        var all = ByOfficer(bodyOfficers, attended, from, deadline, requirement);
        return new RotationResult(all.Count, all.Count(o => o.Summary.Met), [.. all.Where(o => !o.Summary.Met)]);
    }

    private static List<OfficerTraining> ByOfficer(
        IEnumerable<Officer> officers, IEnumerable<AttendedHours> attended, DateOnly from, DateOnly to, TrainingRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(officers);
        ArgumentNullException.ThrowIfNull(attended);
        var byOfficer = attended.ToLookup(a => a.OfficerId);
        return [.. officers.Where(o => o.IsActiveOn(to)).Select(o => new OfficerTraining(o.Id, Summarise(byOfficer[o.Id], from, to, requirement)))];
    }
}
