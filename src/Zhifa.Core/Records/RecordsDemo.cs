using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Cases;
using Zhifa.Core.Common;

namespace Zhifa.Core.Records;

/// <summary>
/// The demo cases' evidence: the on-site photo of the expired-food case, and the seizure's video (SXZD-AV), attached
/// before the seizure was taken. The files are made here (a drawn PNG; a short MP4 container standing in for the
/// body-camera clip), stored by hash like any upload.
/// </summary>
public static class RecordsDemo
{
    internal static async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var store = demo.Services.GetRequiredService<IBlobStore>();
        var db = demo.Db;
        var today = demo.Today;
        DateTime At(int daysAgo, int hour) => today.AddDays(-daysAgo).ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);

        async Task Attach(string caseTitle, Guid bodyId, EvidenceKind kind, string title, string fileName, string mediaType, byte[] content, CaseAction? step,
            DateTime at, string by, decimal latitude, decimal longitude)
        {
            var blob = await store.PutAsync(new MemoryStream(content), long.MaxValue, ct);
            db.EvidenceFiles.Add(new EvidenceFile(DeterministicGuid.From($"evidence:{caseTitle}:{title}"), DeterministicGuid.From("case:" + caseTitle), bodyId, kind, title,
                fileName, mediaType, blob.Length, blob.Sha256, step, at, DeterministicGuid.From("user:yp.market.officer"), by, at.AddMinutes(-20), latitude, longitude));
        }

        var market = Demo.DemoData.Ids.YuanpingMarket;
        // 原平市崞阳酒店: the cold store's expired meat, registered for preservation (XZCF-56) two days after the inspection.
        const string expired = "涉嫌使用超过保质期的食品原料";
        await Attach(expired, market, EvidenceKind.Photo, "后厨冷库过期冻肉（全景）", "IMG_20261121_0932.png", "image/png", Png(160, 120, 0xB0, 0x40, 0x30), CaseAction.RegisterEvidence,
            At(3, 1), "张伟", 38.7203m, 112.7114m);
        // 原平市惠民超市: the seizure's audio-video record, attached before the seizure (SXZD-AV).
        await Attach("涉嫌销售假冒注册商标的白酒", market, EvidenceKind.Video, "扣押现场执法记录仪录像", "DCIM_0042.mp4", "video/mp4", Mp4(), CaseAction.TakeMeasure,
            At(7, 1), "张伟", 38.7261m, 112.7058m);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A PNG of the given size: a diagonal gradient of one colour (RGB, 8 bits, no filter), with its checksums.</summary>
    public static byte[] Png(int width, int height, byte r, byte g, byte b)
    {
        var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0);
            for (var x = 0; x < width; x++)
            {
                var shade = (x + y) * 128 / (width + height);
                raw.WriteByte((byte)Math.Min(255, r + shade));
                raw.WriteByte((byte)Math.Min(255, g + shade));
                raw.WriteByte((byte)Math.Min(255, b + shade));
            }
        }
        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BigEndian(header, 0, width);
        BigEndian(header, 4, height);
        header[8] = 8;
        header[9] = 2;
        Chunk(png, "IHDR", header);
        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            z.Write(raw.ToArray());
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>An MP4 container (ftyp, and an mdat box of placeholder bytes): what the store and the type check see of a clip.</summary>
    public static byte[] Mp4()
    {
        var file = new MemoryStream();
        var ftyp = new MemoryStream();
        ftyp.Write("isom"u8);
        ftyp.Write([0, 0, 2, 0]);
        ftyp.Write("isomiso2mp41"u8);
        Box(file, "ftyp", ftyp.ToArray());
        Box(file, "mdat", Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("ZHIFA-DEMO-CLIP ", 256))));
        return file.ToArray();
    }

    private static void Box(Stream to, string type, byte[] data)
    {
        var size = new byte[4];
        BigEndian(size, 0, data.Length + 8);
        to.Write(size);
        to.Write(Encoding.ASCII.GetBytes(type));
        to.Write(data);
    }

    private static void Chunk(Stream to, string type, byte[] data)
    {
        var length = new byte[4];
        BigEndian(length, 0, data.Length);
        to.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        to.Write(typed);
        var crc = new byte[4];
        BigEndian(crc, 0, (int)Crc32(typed));
        to.Write(crc);
    }

    private static void BigEndian(byte[] to, int at, int value)
    {
        to[at] = (byte)(value >> 24);
        to[at + 1] = (byte)(value >> 16);
        to[at + 2] = (byte)(value >> 8);
        to[at + 3] = (byte)value;
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var d in data)
        {
            crc ^= d;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
