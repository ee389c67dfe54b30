using System.Text;

namespace Zhifa.Core.Records;

/// <summary>The kinds of evidence a case keeps.</summary>
public enum EvidenceKind
{
    /// <summary>照片</summary>
    Photo,
    /// <summary>录音</summary>
    Audio,
    /// <summary>录像 (执法记录仪, the audio-video record of SXZD-AV)</summary>
    Video,
    /// <summary>书证、电子数据 (PDF, Word, Excel)</summary>
    Document,
}

/// <summary>What a file is by its first bytes: the kind of evidence, its media type and the usual extension.</summary>
public sealed record SniffedType(EvidenceKind Kind, string MediaType, string Extension);

/// <summary>
/// Tells a file's type by its content (its signature bytes), never by its name or the type the client claims: a renamed
/// executable is not a photo. Only the formats a case keeps are known; anything else is refused.
/// </summary>
public static class FileSniffer
{
    /// <summary>How many first bytes <see cref="Sniff"/> looks at.</summary>
    public const int HeadLength = 64;

    public static SniffedType? Sniff(ReadOnlySpan<byte> head)
    {
        if (Starts(head, [0xFF, 0xD8, 0xFF]))
            return new(EvidenceKind.Photo, "image/jpeg", ".jpg");
        if (Starts(head, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
            return new(EvidenceKind.Photo, "image/png", ".png");
        if (Ascii(head, 0, "GIF87a") || Ascii(head, 0, "GIF89a"))
            return new(EvidenceKind.Photo, "image/gif", ".gif");
        if (Ascii(head, 0, "RIFF") && Ascii(head, 8, "WEBP"))
            return new(EvidenceKind.Photo, "image/webp", ".webp");
        if (Ascii(head, 0, "RIFF") && Ascii(head, 8, "WAVE"))
            return new(EvidenceKind.Audio, "audio/wav", ".wav");
        if (Ascii(head, 0, "RIFF") && Ascii(head, 8, "AVI "))
            return new(EvidenceKind.Video, "video/x-msvideo", ".avi");
        if (Ascii(head, 4, "ftyp") && head.Length >= 12)
        {
            var brand = Encoding.ASCII.GetString(head.Slice(8, 4));
            return brand switch
            {
                "heic" or "heix" or "mif1" or "msf1" or "heim" or "heis" => new(EvidenceKind.Photo, "image/heic", ".heic"),
                "M4A " or "M4B " => new(EvidenceKind.Audio, "audio/mp4", ".m4a"),
                "qt  " => new(EvidenceKind.Video, "video/quicktime", ".mov"),
                "3gp4" or "3gp5" or "3gp6" or "3g2a" => new(EvidenceKind.Video, "video/3gpp", ".3gp"),
                _ => new(EvidenceKind.Video, "video/mp4", ".mp4"),
            };
        }
        if (Starts(head, [0x1A, 0x45, 0xDF, 0xA3]))
            return new(EvidenceKind.Video, "video/webm", ".webm");
        if (Ascii(head, 0, "ID3") || (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x06) != 0))
            return new(EvidenceKind.Audio, "audio/mpeg", ".mp3");
        if (Ascii(head, 0, "#!AMR"))
            return new(EvidenceKind.Audio, "audio/amr", ".amr");
        if (Ascii(head, 0, "OggS"))
            return new(EvidenceKind.Audio, "audio/ogg", ".ogg");
        if (Ascii(head, 0, "%PDF-"))
            return new(EvidenceKind.Document, "application/pdf", ".pdf");
        // Office files are zip packages; a zip of anything else is not a document of the case.
        if (Starts(head, [(byte)'P', (byte)'K', 0x03, 0x04]) && ContainsAscii(head, "[Content_Types].xml"))
            return new(EvidenceKind.Document, "application/vnd.openxmlformats-officedocument", ".docx");
        return null;
    }

    /// <summary>Reads up to <see cref="HeadLength"/> bytes from the stream's start into <paramref name="buffer"/>; answers how many.</summary>
    public static async Task<int> ReadHeadAsync(Stream stream, byte[] buffer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(buffer);
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), ct)) > 0)
            total += read;
        return total;
    }

    private static bool Starts(ReadOnlySpan<byte> head, ReadOnlySpan<byte> signature) => head.StartsWith(signature);

    private static bool Ascii(ReadOnlySpan<byte> head, int at, string text) =>
        head.Length >= at + text.Length && head.Slice(at, text.Length).SequenceEqual(Encoding.ASCII.GetBytes(text));

    private static bool ContainsAscii(ReadOnlySpan<byte> head, string text) => head.IndexOf(Encoding.ASCII.GetBytes(text)) >= 0;
}
