using System.Globalization;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.PerformanceIndicators.Importing;

namespace Pif.Web.Modules.PerformanceIndicators.CareRegister;

/// <summary>
/// The Care Inspectorate's register of care services (its monthly datastore file): a row per service, with its
/// council area and latest grades. A service outside Scotland, or in an area Pif does not know, is skipped with the reason.
/// </summary>
public static class CareRegisterFile
{
    /// <summary>The columns that tell the register apart from any other file.</summary>
    public static readonly string[] Signature = ["CSNumber", "CareService", "Council_Area_Name", "MinGrade"];

    public sealed record Entry(int Row, string CsNumber, string Name, string CareService, string? Subtype, string Sector, string? Provider,
        Guid OrganisationId, string? ClientGroup, bool Active, int? MinGrade, int? MaxGrade, DateOnly? GradedOn);

    public static (List<Entry> Entries, List<ImportProblem> Problems) Parse(ImportFile file, IReadOnlyDictionary<string, Guid> councils, Func<string, string?> suggest)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(councils);
        ArgumentNullException.ThrowIfNull(suggest);
        int number = file.Column("CSNumber"), name = file.Column("ServiceName"), service = file.Column("CareService"), subtype = file.Column("Subtype"),
            sector = file.Column("ServiceType"), provider = file.Column("ServiceProvider"), area = file.Column("Council_Area_Name"),
            client = file.Column("Client_group"), status = file.Column("ServiceStatus"), min = file.Column("MinGrade"), max = file.Column("MaxGrade"),
            published = file.Column("Publication_of_Latest_Grading");
        var entries = new List<Entry>();
        var problems = new List<ImportProblem>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in file.Records)
        {
            string Field(int column) => column >= 0 && column < record.Fields.Length ? record.Fields[column] : "";
            string? Optional(int column, int length) => Field(column) is { Length: > 0 } text ? text.Length > length ? text[..length] : text : null;
            var cs = Field(number);
            if (cs.Length is 0 or > 20)
            {
                problems.Add(new(record.Row, "CSNumber", cs.Length == 0 ? "No service number: the row is skipped" : $"“{cs[..20]}…” is not a service number: the row is skipped"));
                continue;
            }

            if (seen.TryGetValue(cs, out var first))
            {
                problems.Add(new(record.Row, "CSNumber", $"{cs} is also in row {first}: the second is skipped"));
                continue;
            }

            seen[cs] = record.Row;
            var areaName = Field(area);
            if (!councils.TryGetValue(OrganisationNames.Normalise(areaName), out var council))
            {
                problems.Add(new(record.Row, "Council_Area_Name", areaName.Length == 0 ? "No council area: the service is skipped"
                    : areaName.Equals("outside Scotland", StringComparison.OrdinalIgnoreCase) ? "The service is outside Scotland, so in no council area: it is skipped"
                    : suggest(areaName) is { } suggestion ? $"“{areaName}” is not a council area Pif knows: did you mean {suggestion}? The service is skipped"
                    : $"“{areaName}” is not a council area Pif knows: the service is skipped"));
                continue;
            }

            var grades = new int?[2];
            var bad = false;
            foreach (var (i, column, label) in new[] { (0, min, "MinGrade"), (1, max, "MaxGrade") })
            {
                var text = Field(column);
                if (text.Length == 0)
                {
                    continue;
                }

                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var grade) || grade is < 1 or > 6)
                {
                    problems.Add(new(record.Row, label, $"“{text}” is not a grade from 1 (unsatisfactory) to 6 (excellent): the service is skipped"));
                    bad = true;
                    break;
                }

                grades[i] = grade;
            }

            if (bad)
            {
                continue;
            }

            // The datastore CSV writes 31/05/2026; a workbook's date cell reads as 2026-05-31.
            DateOnly? gradedOn = null;
            if (Field(published) is { Length: > 0 } date)
            {
                if (!DateOnly.TryParseExact(date, ["dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
                {
                    problems.Add(new(record.Row, "Publication_of_Latest_Grading", $"“{date}” is not a date such as 31/05/2026: the service is skipped"));
                    continue;
                }

                gradedOn = on;
            }

            entries.Add(new Entry(record.Row, cs, Optional(name, RegisteredService.NameMaxLength) ?? cs, Optional(service, 100) ?? "Not stated", Optional(subtype, 100),
                Optional(sector, 60) ?? "Not stated", Optional(provider, RegisteredService.NameMaxLength), council, Optional(client, 20),
                !Field(status).Equals("Inactive", StringComparison.OrdinalIgnoreCase), grades[0], grades[1], gradedOn));
        }

        return (entries, problems);
    }
}
