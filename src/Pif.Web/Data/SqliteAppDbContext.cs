using Microsoft.EntityFrameworkCore;

namespace Pif.Web.Data;

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);
