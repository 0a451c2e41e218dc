using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.PerformanceIndicators;
using Pif.Web.Modules.PerformanceIndicators.Importing;

// The import benchmark's helper (bench/import.sh).
//   generate <long file> <out> <rows>: a long file of made-up figures for the real file's codes and councils,
//     period after period, until it has the rows asked for.
//   raw <database> <long file>: inserts the rows Pif's commit of the file would insert (each council's figure,
//     and each indicator and period's Scotland figure and family-group average) into an empty table shaped and
//     indexed as indicator_values, with one prepared command in one transaction; prints the milliseconds.
return args switch
{
    ["generate", var source, var output, var rows] => Generate(source, output, int.Parse(rows, CultureInfo.InvariantCulture)),
    ["raw", var database, var file] => Raw(database, file),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Usage: ImportBench generate <long file> <out> <rows> | raw <database> <long file>");
    return 2;
}

static int Generate(string source, string output, int rows)
{
    var (file, refusal) = ImportFile.Read(File.ReadAllBytes(source));
    if (file is null)
    {
        Console.Error.WriteLine(refusal);
        return 1;
    }

    int code = file.Column("Code"), council = file.Column("LocalAuthority");
    var codes = file.Records.Select(r => r.Fields[code]).Distinct().Order(StringComparer.Ordinal).ToList();
    var councils = file.Records.Select(r => r.Fields[council]).Distinct().Order(StringComparer.Ordinal).ToList();
    var random = new Random(20261203);
    using var writer = new StreamWriter(output, false, new UTF8Encoding(false));
    writer.Write(",Code,LocalAuthority,Year,LA_IndicatorReal,Scotland_Indicator_Real\n");
    var written = 0;
    for (var year = 1900; written < rows; year++)
    {
        var period = $"{year}-{(year + 1) % 100:00}";
        foreach (var c in codes)
        {
            var scotland = Math.Round(random.NextDouble() * 100, 4);
            foreach (var name in councils.TakeWhile(_ => written < rows))
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{written},{c},\"{name}\",{period},{Math.Round(random.NextDouble() * 100, 4)},{scotland}\n"));
                written++;
            }
        }
    }

    Console.WriteLine($"{written} rows, {codes.Count} indicators, {councils.Count} councils");
    return 0;
}

static int Raw(string database, string path)
{
    var (file, refusal) = ImportFile.Read(File.ReadAllBytes(path));
    if (file is null)
    {
        Console.Error.WriteLine(refusal);
        return 1;
    }

    using var connection = new SqliteConnection($"Data Source={database}");
    connection.Open();
    Execute(connection, "DROP TABLE IF EXISTS bench_values");
    Execute(connection, "CREATE TABLE bench_values AS SELECT * FROM indicator_values WHERE 0");
    Execute(connection, "CREATE UNIQUE INDEX bench_pk ON bench_values (id)");
    foreach (var sql in Strings(connection, "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'indicator_values' AND sql IS NOT NULL"))
    {
        Execute(connection, sql.Replace("\"ix_indicator_values", "\"bench_ix", StringComparison.Ordinal).Replace("\"indicator_values\"", "\"bench_values\"", StringComparison.Ordinal));
    }

    var indicators = Pairs(connection, "SELECT normalised_code, id FROM performance_indicators WHERE owner_organisation_id IS NULL");
    var councils = Pairs(connection, "SELECT normalised_name, organisation_id FROM organisation_aliases");
    var import = Guid.NewGuid().ToString().ToUpperInvariant();
    int code = file.Column("Code"), council = file.Column(LgbfLongFile.CouncilColumns), year = file.Column("Year"), value = file.Column(LgbfLongFile.ValueColumns),
        scotland = file.Column("Scotland_Indicator_Real", "Scotland_Indicator"), family = file.Column("FG_Avg_Indicator_Real", "FG_Avg_Indicator"), group = file.Column("FamilyGroup");

    // Parsed first, so the clock times the insert alone.
    var rows = new List<object?[]>();
    var comparators = new HashSet<(string, string, string)>();
    foreach (var record in file.Records)
    {
        string Field(int i) => i >= 0 && i < record.Fields.Length ? record.Fields[i] : "";
        if (!indicators.TryGetValue(IndicatorCodes.Normalise(Field(code)), out var indicator) || !councils.TryGetValue(OrganisationNames.Normalise(Field(council)), out var organisation)
            || Period.Parse(Field(year)) is not { } period)
        {
            continue;
        }

        rows.Add(Row(indicator, "Council", organisation, null, period, Number(Field(value)), import));
        if (scotland >= 0 && comparators.Add((indicator, "Scotland", period.Text)))
        {
            rows.Add(Row(indicator, "Scotland", null, null, period, Number(Field(scotland)), import));
        }

        if (family >= 0 && Field(group).Length > 0 && comparators.Add((indicator, "FamilyGroup " + Field(group), period.Text)))
        {
            rows.Add(Row(indicator, "FamilyGroup", null, 1, period, Number(Field(family)), import));
        }
    }

    var clock = Stopwatch.StartNew();
    using (var transaction = connection.BeginTransaction())
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO bench_values (id, indicator_id, area, organisation_id, family_group, period, from_year, to_year, value, numerator, denominator, provisional, import_id, current) "
            + "VALUES ($id, $indicator, $area, $organisation, $group, $period, $from, $to, $value, NULL, NULL, 0, $import, 1)";
        string[] names = ["$id", "$indicator", "$area", "$organisation", "$group", "$period", "$from", "$to", "$value", "$import"];
        var parameters = names.Select(n =>
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = n;
            insert.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        insert.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }

            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    clock.Stop();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows.Count} {clock.Elapsed.TotalMilliseconds:F0}"));
    Execute(connection, "DROP TABLE bench_values");
    return 0;
}

static object?[] Row(string indicator, string area, string? organisation, int? group, Period period, double? value, string import) =>
    [Guid.CreateVersion7().ToString().ToUpperInvariant(), indicator, area, organisation, group, period.Text, period.From, period.To, value, import];

static double? Number(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

static void Execute(SqliteConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}

static List<string> Strings(SqliteConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    using var reader = command.ExecuteReader();
    var list = new List<string>();
    while (reader.Read())
    {
        list.Add(reader.GetString(0));
    }

    return list;
}

static Dictionary<string, string> Pairs(SqliteConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    using var reader = command.ExecuteReader();
    var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
    while (reader.Read())
    {
        pairs[reader.GetString(0)] = reader.GetString(1);
    }

    return pairs;
}
