using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Pif.Web.Data;

namespace Pif.Web.Modules.PerformanceIndicators.Importing;

/// <summary>
/// Inserts an import's new values in the caller's transaction with multi-row INSERT statements, not through the
/// change tracker: tracking 40,000 values cost seven times what the database needs to write them (bench/RESULTS.md),
/// and a million did not fit in the budget at all. The values are new rows with their own keys, so nothing the
/// tracker offers (fix-up, concurrency) applies.
/// </summary>
public static class IndicatorValueWriter
{
    /// <summary>Rows per statement: 14 parameters each stays well under SQLite's 32,766 and PostgreSQL's 65,535.</summary>
    private const int RowsPerStatement = 500;

    /// <summary>Each column's type, given with a null so PostgreSQL does not take a column of nulls as text.</summary>
    private static readonly System.Data.DbType[] Types =
    [
        System.Data.DbType.Guid, System.Data.DbType.Guid, System.Data.DbType.String, System.Data.DbType.Guid, System.Data.DbType.Int32, System.Data.DbType.String,
        System.Data.DbType.Int32, System.Data.DbType.Int32, System.Data.DbType.Double, System.Data.DbType.Double, System.Data.DbType.Double,
        System.Data.DbType.Boolean, System.Data.DbType.Guid, System.Data.DbType.Boolean,
    ];

    private const string Columns = "id, indicator_id, area, organisation_id, family_group, period, from_year, to_year, value, numerator, denominator, provisional, import_id, current";

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
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var chunk in values.Chunk(RowsPerStatement))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder($"INSERT INTO indicator_values ({Columns}) VALUES ");
            for (var r = 0; r < chunk.Length; r++)
            {
                var v = chunk[r];
                object?[] fields = [Key(v.Id), Key(v.IndicatorId), v.Area.ToString(), OptionalKey(v.OrganisationId), v.FamilyGroup, v.Period, v.FromYear, v.ToYear,
                    v.Value, v.Numerator, v.Denominator, v.Provisional, Key(v.ImportId), v.Current];
                sql.Append(r == 0 ? "(" : ", (");
                for (var f = 0; f < fields.Length; f++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"@p{r}_{f}");
                    sql.Append(f == 0 ? name : ", " + name);
                    Add(command, name, fields[f], Types[f]);
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static void Add(DbCommand command, string name, object? value, System.Data.DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        if (value is null or DBNull)
        {
            // Only for a null: SQLite would store a Guid typed so as a blob, where EF keeps text.
            parameter.DbType = type;
        }

        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
