using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Pif.Web.Data;

namespace Pif.Web.Modules.PerformanceIndicators.Importing;

/// <summary>
/// Inserts an import's new values in the caller's transaction with one prepared INSERT, not through the change
/// tracker: tracking 40,000 values cost seven times what the database needs to write them (bench/RESULTS.md). The
/// values are new rows with their own keys, so nothing the tracker offers (fix-up, concurrency) applies. One row
/// per execution, as many-row statements bind their parameters slowly in Microsoft.Data.Sqlite.
/// </summary>
public static class IndicatorValueWriter
{
    /// <summary>Each column's type, given to PostgreSQL so a null is typed; SQLite takes each value as it comes (it would store a Guid typed so as a blob, where EF keeps text).</summary>
    private static readonly DbType[] Types =
    [
        DbType.Guid, DbType.Guid, DbType.String, DbType.Guid, DbType.Int32, DbType.String, DbType.Int32, DbType.Int32,
        DbType.Double, DbType.Double, DbType.Double, DbType.Boolean, DbType.Guid, DbType.Boolean,
    ];

    private const string Sql = "INSERT INTO indicator_values (id, indicator_id, area, organisation_id, family_group, period, from_year, to_year, value, numerator, denominator, provisional, import_id, current) "
        + "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13)";

    public static async Task InsertAsync(AppDbContext db, IReadOnlyList<IndicatorValue> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return;
        }

        // SQLite holds a Guid as upper-case text, as EF writes it; PostgreSQL as a uuid.
        var sqlite = db.Database.IsSqlite();
        object Key(Guid id) => sqlite ? id.ToString().ToUpperInvariant() : id;
        object OptionalKey(Guid? id) => id is { } g ? Key(g) : DBNull.Value;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = Sql;
            var parameters = new DbParameter[Types.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i] = command.CreateParameter();
                parameters[i].ParameterName = string.Create(CultureInfo.InvariantCulture, $"@p{i}");
                if (!sqlite)
                {
                    parameters[i].DbType = Types[i];
                }

                command.Parameters.Add(parameters[i]);
            }

            await command.PrepareAsync(cancellationToken);
            foreach (var v in values)
            {
                object?[] fields = [Key(v.Id), Key(v.IndicatorId), v.Area.ToString(), OptionalKey(v.OrganisationId), v.FamilyGroup, v.Period, v.FromYear, v.ToYear,
                    v.Value, v.Numerator, v.Denominator, v.Provisional, Key(v.ImportId), v.Current];
                for (var i = 0; i < fields.Length; i++)
                {
                    parameters[i].Value = fields[i] ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
