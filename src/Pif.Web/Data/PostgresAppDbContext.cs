using Microsoft.EntityFrameworkCore;

namespace Pif.Web.Data;

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
