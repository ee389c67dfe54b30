namespace Zhifa.Core.Records;

/// <summary>The permissions of the case's record.</summary>
public static class RecordsPermissions
{
    /// <summary>Attach evidence to a case of one's body.</summary>
    public const string AddEvidence = "records.evidence.add";

    /// <summary>Withdraw a piece of evidence, with a reason that is kept.</summary>
    public const string WithdrawEvidence = "records.evidence.withdraw";

    /// <summary>Recompute the hashes of a case's files and compare them with the record and the audit trail.</summary>
    public const string Verify = "records.verify";
}

/// <summary>The size limits of evidence, per kind (settings <c>Zhifa:Evidence:PhotoMegabytes</c>, <c>…:VideoMegabytes</c>, …).</summary>
public sealed class EvidenceLimits
{
    public long PhotoMegabytes { get; set; } = 20;
    public long AudioMegabytes { get; set; } = 200;
    public long VideoMegabytes { get; set; } = 2048;
    public long DocumentMegabytes { get; set; } = 50;

    public long MegabytesFor(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Photo => PhotoMegabytes,
        EvidenceKind.Audio => AudioMegabytes,
        EvidenceKind.Video => VideoMegabytes,
        _ => DocumentMegabytes,
    };

    public long BytesFor(EvidenceKind kind) => MegabytesFor(kind) * 1024 * 1024;

    /// <summary>The largest of them: what a request body may carry at most.</summary>
    public long LargestBytes => Enum.GetValues<EvidenceKind>().Max(BytesFor);
}
