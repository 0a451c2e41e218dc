using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pif.Web.Infrastructure.Caching;

/// <summary>
/// The one row whose stamp changes in every transaction that changes what the pages show, so that every web node
/// can tell, with one small read, whether what it keeps in memory is still what the database holds.
/// </summary>
public sealed class DataVersion
{
    /// <summary>The row's id: there is only ever this one.</summary>
    public const int TheOne = 1;

    /// <summary>The stamp the first migration writes.</summary>
    public static readonly Guid FirstStamp = new("019aef5c-0000-7000-8000-000000000001");

    public int Id { get; init; }

    public Guid Stamp { get; set; }
}

internal sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> builder)
    {
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new DataVersion { Id = DataVersion.TheOne, Stamp = DataVersion.FirstStamp });
    }
}
