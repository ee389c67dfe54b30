using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhifa.Core.Data;

/// <summary>
/// A key of ASP.NET Core data protection, kept in the database so that every app node shares the keys
/// that encrypt sign-in cookies and ID numbers, and a restored backup can still read its own data.
/// </summary>
public sealed class DataProtectionKey : Modules.INotAudited
{
    private DataProtectionKey()
    {
        FriendlyName = "";
        Xml = "";
    }

    public DataProtectionKey(string friendlyName, string xml)
    {
        FriendlyName = friendlyName;
        Xml = xml;
    }

    public int Id { get; private set; }
    public string FriendlyName { get; private set; }
    public string Xml { get; private set; }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.Property(k => k.FriendlyName).HasMaxLength(200).IsRequired();
        builder.Property(k => k.Xml).IsRequired();
    }
}
