using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pif.Web.Infrastructure.OnceOnly;

internal sealed class OnceTokenConfiguration : IEntityTypeConfiguration<OnceToken>
{
    public void Configure(EntityTypeBuilder<OnceToken> builder)
    {
        builder.HasKey(t => t.Token);
        builder.Property(t => t.Location).HasMaxLength(2000);
        builder.HasIndex(t => t.At);
    }
}
