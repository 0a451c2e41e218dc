using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.PerformanceIndicators.CareRegister;

namespace Pif.Web.Modules.PerformanceIndicators.Importing;

/// <summary>
/// What committing a file would do, worked out against what is saved now: the rows it adds, revises, leaves
/// unchanged and skips (with each problem), and the changes themselves. A preview shows it; a commit works it out
/// again and applies it.
/// </summary>
public sealed partial class ImportPlan
{
    public List<ImportProblem> Problems { get; } = [];

    public int Rows { get; private set; }

    public int Added { get; private set; }

    public int Revised { get; private set; }

    public int Unchanged { get; private set; }

    public int Skipped => _skippedFigures ?? Problems.Select(p => p.Row).Distinct().Count();

    /// <summary>What Pif did with the file that is not a problem, such as converting a percentage's scale.</summary>
    public List<string> Notes { get; } = [];

    private int? _skippedFigures;

    private readonly List<PerformanceIndicator> _newIndicators = [];
    private readonly List<IndicatorValue> _newValues = [];
    private readonly List<Guid> _superseded = [];
    private readonly List<FamilyGroupMembership> _newFamilies = [];
    private readonly List<RegisteredService> _newServices = [];
    private readonly List<Guid> _retiredServices = [];

    /// <summary>Works out what the file would do; for a commit, the catalogue entries it revises are tracked, so saving writes them.</summary>
    /// <remarks>A council's own indicators (<paramref name="councilId"/>) are read from its file of local indicators alone.</remarks>
    public static async Task<ImportPlan> MakeAsync(AppDbContext db, ImportFile file, Guid importId, bool forCommit, CancellationToken cancellationToken, Guid? councilId = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(file);
        var plan = new ImportPlan { Rows = file.Records.Count };
        if (file.Layout == ImportLayout.LocalIndicators)
        {
            await plan.LocalAsync(db, file, importId, councilId ?? throw new ArgumentNullException(nameof(councilId)), forCommit, cancellationToken);
        }
        else if (file.Layout == ImportLayout.LgbfIndicatorInformation)
        {
            await plan.CatalogueAsync(db, file, importId, forCommit, cancellationToken);
        }
        else if (file.Layout == ImportLayout.CareInspectorateRegister)
        {
            await plan.RegisterAsync(db, file, importId, cancellationToken);
        }
        else
        {
            await plan.ValuesAsync(db, file, importId, cancellationToken);
        }

        return plan;
    }

    /// <summary>Applies the changes (the caller saves, in one transaction with the import's own row).</summary>
    public async Task ApplyAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var chunk in _superseded.Chunk(1000))
        {
            await db.IndicatorValues.Where(v => chunk.Contains(v.Id)).ExecuteUpdateAsync(s => s.SetProperty(v => v.Current, false), cancellationToken);
        }

        db.PerformanceIndicators.AddRange(_newIndicators);
        if (_newIndicators.Count > 0 && _newValues.Count > 0)
        {
            // The values are written past EF, so the indicators they belong to (a council's new ones) must be in the database first.
            await db.SaveChangesAsync(cancellationToken);
        }

        await IndicatorValueWriter.InsertAsync(db, _newValues, cancellationToken);
        db.FamilyGroupMemberships.AddRange(_newFamilies);
        foreach (var chunk in _retiredServices.Chunk(1000))
        {
            await db.RegisteredServices.Where(s => chunk.Contains(s.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.Current, false), cancellationToken);
        }

        db.RegisteredServices.AddRange(_newServices);
    }

    /// <summary>
    /// The register against the one held: a service new to Pif is added, one whose details or grades changed is
    /// revised (the one held is kept as history), and one the file does not list at all is no longer current.
    /// </summary>
    private async Task RegisterAsync(AppDbContext db, ImportFile file, Guid importId, CancellationToken cancellationToken)
    {
        var (councils, suggest) = await CouncilsAsync(db, cancellationToken);
        var (entries, problems) = CareRegisterFile.Parse(file, councils, suggest);
        Problems.AddRange(problems);
        var held = await db.RegisteredServices.AsNoTracking().Where(s => s.Current).ToDictionaryAsync(s => s.CsNumber, StringComparer.OrdinalIgnoreCase, cancellationToken);
        foreach (var e in entries)
        {
            if (held.Remove(e.CsNumber, out var was))
            {
                if (was.Name == e.Name && was.CareService == e.CareService && was.Subtype == e.Subtype && was.Sector == e.Sector && was.Provider == e.Provider
                    && was.OrganisationId == e.OrganisationId && was.ClientGroup == e.ClientGroup && was.Active == e.Active && was.MinGrade == e.MinGrade
                    && was.MaxGrade == e.MaxGrade && was.GradedOn == e.GradedOn)
                {
                    Unchanged++;
                    continue;
                }

                _retiredServices.Add(was.Id);
                Revised++;
            }
            else
            {
                Added++;
            }

            _newServices.Add(new RegisteredService
            {
                CsNumber = e.CsNumber,
                Name = e.Name,
                CareService = e.CareService,
                Subtype = e.Subtype,
                Sector = e.Sector,
                Provider = e.Provider,
                OrganisationId = e.OrganisationId,
                ClientGroup = e.ClientGroup,
                Active = e.Active,
                MinGrade = e.MinGrade,
                MaxGrade = e.MaxGrade,
                GradedOn = e.GradedOn,
                ImportId = importId,
            });
        }

        // A row skipped for a problem keeps the service Pif holds; only a service the file does not list at all leaves.
        var listed = file.Column("CSNumber") is var column and >= 0
            ? file.Records.Where(r => column < r.Fields.Length).Select(r => r.Fields[column]).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : [];
        var gone = held.Values.Where(s => !listed.Contains(s.CsNumber)).ToList();
        _retiredServices.AddRange(gone.Select(s => s.Id));
        if (gone.Count > 0)
        {
            Notes.Add($"{gone.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} {(gone.Count == 1 ? "service Pif holds is" : "services Pif holds are")} not in this register, so no longer registered: {(gone.Count == 1 ? "it is" : "they are")} kept as history and no longer counted.");
        }
    }

    private static async Task<(Dictionary<string, Guid> Councils, Func<string, string?> Suggest)> CouncilsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var aliases = await db.OrganisationAliases.Join(db.Organisations.Where(o => o.Kind == OrganisationKind.Council), a => a.OrganisationId, o => o.Id,
            (a, o) => new { a.NormalisedName, o.Id, o.Name }).ToListAsync(cancellationToken);
        return (aliases.ToDictionary(a => a.NormalisedName, a => a.Id, StringComparer.Ordinal), name => Suggest(name, aliases.Select(a => (a.NormalisedName, a.Name))));
    }

    private async Task CatalogueAsync(AppDbContext db, ImportFile file, Guid importId, bool tracked, CancellationToken cancellationToken)
    {
        var (entries, problems) = LgbfCatalogueFile.Parse(file);
        Problems.AddRange(problems);
        var national = db.PerformanceIndicators.Where(i => i.OwnerOrganisationId == null);
        var existing = await (tracked ? national : national.AsNoTracking()).ToDictionaryAsync(i => i.NormalisedCode, cancellationToken);
        foreach (var entry in entries)
        {
            if (!existing.TryGetValue(entry.NormalisedCode, out var indicator))
            {
                indicator = new PerformanceIndicator { Code = entry.Code, NormalisedCode = entry.NormalisedCode, Title = entry.Title, Source = IndicatorSource.Lgbf };
                Describe(indicator, entry, importId);
                _newIndicators.Add(indicator);
                Added++;
            }
            else if (Differs(indicator, entry))
            {
                // Tracked for a commit, so the caller's save writes the new description; a preview's copy is let go.
                Describe(indicator, entry, importId);
                Revised++;
            }
            else
            {
                Unchanged++;
            }
        }
    }

    private static bool Differs(PerformanceIndicator i, CatalogueEntry e) =>
        i.Code != e.Code || i.Title != e.Title || i.Definition != e.Definition || i.MeasureType != e.MeasureType || i.NumberFormat != e.NumberFormat
        || i.Polarity != e.Polarity || i.NumeratorDefinition != e.NumeratorDefinition || i.DenominatorDefinition != e.DenominatorDefinition
        || i.PeriodType != e.PeriodType || i.Category != e.Category || i.Grouping != e.Grouping;

    private static void Describe(PerformanceIndicator i, CatalogueEntry e, Guid importId)
    {
        i.Code = e.Code;
        i.Title = e.Title;
        i.Definition = e.Definition;
        i.MeasureType = e.MeasureType;
        i.NumberFormat = e.NumberFormat;
        i.Polarity = e.Polarity;
        i.NumeratorDefinition = e.NumeratorDefinition;
        i.DenominatorDefinition = e.DenominatorDefinition;
        i.PeriodType = e.PeriodType;
        i.Category = e.Category;
        i.Grouping = e.Grouping;
        i.ImportId = importId;
    }

    private async Task ValuesAsync(AppDbContext db, ImportFile file, Guid importId, CancellationToken cancellationToken)
    {
        var indicators = (await db.PerformanceIndicators.Where(i => i.OwnerOrganisationId == null)
                .Select(i => new { i.NormalisedCode, i.Id, i.MeasureType, i.Grouping, i.Code }).ToListAsync(cancellationToken))
            .ToDictionary(i => i.NormalisedCode, i => (i.Id, i.MeasureType, i.Grouping, i.Code), StringComparer.Ordinal);
        var (councils, suggest) = await CouncilsAsync(db, cancellationToken);
        var lookups = new LgbfLongFile.Lookups(indicators, councils, suggest);
        var parsed = file.Layout == ImportLayout.LgbfLong ? LgbfLongFile.Parse(file, lookups)
            : WideFile.Parse(file, lookups, await HeldAveragesAsync(db, indicators, cancellationToken));
        Problems.AddRange(parsed.Problems);
        Notes.AddRange(parsed.Notes);
        _skippedFigures = parsed.SkippedFigures;

        var ids = parsed.Figures.Select(f => f.IndicatorId).Concat(parsed.Comparators.Select(c => c.IndicatorId)).Distinct().ToList();
        var saved = (await db.IndicatorValues.Where(v => v.Current && ids.Contains(v.IndicatorId))
                .Select(v => new { v.Id, v.IndicatorId, v.Area, v.OrganisationId, v.FamilyGroup, v.Period, v.Value, v.Numerator, v.Denominator })
                .ToListAsync(cancellationToken))
            .ToDictionary(v => (v.IndicatorId, v.Area, v.OrganisationId, v.FamilyGroup, v.Period), v => (v.Id, v.Value, v.Numerator, v.Denominator));

        foreach (var f in parsed.Figures)
        {
            switch (Compare((f.IndicatorId, ValueArea.Council, f.OrganisationId, null, f.Period.Text), f.Value, f.Numerator, f.Denominator))
            {
                case false:
                    Unchanged++;
                    continue;
                case true:
                    Revised++;
                    break;
                default:
                    Added++;
                    break;
            }

            _newValues.Add(new IndicatorValue
            {
                IndicatorId = f.IndicatorId,
                Area = ValueArea.Council,
                OrganisationId = f.OrganisationId,
                Period = f.Period.Text,
                FromYear = f.Period.From,
                ToYear = f.Period.To,
                Value = f.Value,
                Numerator = f.Numerator,
                Denominator = f.Denominator,
                ImportId = importId,
            });
        }

        foreach (var c in parsed.Comparators)
        {
            var change = Compare((c.IndicatorId, c.Area, null, c.Group, c.Period.Text), c.Value, c.Numerator, c.Denominator);

            // A long file repeats Scotland's figure on every council's row, so only its councils' figures are counted;
            // in a wide file Scotland and each family group are rows of their own, and counted as figures.
            if (parsed.ValuesOnly)
            {
                Added += change is null ? 1 : 0;
                Revised += change is true ? 1 : 0;
                Unchanged += change is false ? 1 : 0;
            }

            if (change is not false)
            {
                _newValues.Add(new IndicatorValue
                {
                    IndicatorId = c.IndicatorId,
                    Area = c.Area,
                    FamilyGroup = c.Group,
                    Period = c.Period.Text,
                    FromYear = c.Period.From,
                    ToYear = c.Period.To,
                    Value = c.Value,
                    Numerator = c.Numerator,
                    Denominator = c.Denominator,
                    ImportId = importId,
                });
            }
        }

        var families = (await db.FamilyGroupMemberships.Select(m => new { m.Grouping, m.OrganisationId, m.Group }).ToListAsync(cancellationToken))
            .Select(m => (m.Grouping, m.OrganisationId, m.Group)).ToHashSet();
        foreach (var ((grouping, council, group), from) in parsed.Families.Where(f => !families.Contains(f.Key)))
        {
            _newFamilies.Add(new FamilyGroupMembership { Grouping = grouping, OrganisationId = council, Group = group, FromYear = from });
        }

        // Null: new. False: the same figures. True: a revision, which supersedes the saved one.
        bool? Compare((Guid, ValueArea, Guid?, int?, string) key, double? value, double? numerator, double? denominator)
        {
            if (!saved.TryGetValue(key, out var was))
            {
                return null;
            }

            if (was.Value == value && (parsed.ValuesOnly || (was.Numerator == numerator && was.Denominator == denominator)))
            {
                return false;
            }

            _superseded.Add(was.Id);
            return true;
        }
    }

    /// <summary>
    /// The average of the councils' current figures of each percentage indicator Pif holds figures for, which tells
    /// the scale it holds them on (LGBF publishes nearly all as fractions; CHN14a and CHN14b out of 100).
    /// </summary>
    private static async Task<Func<Guid, double?>> HeldAveragesAsync(AppDbContext db, Dictionary<string, (Guid Id, MeasureType Measure, FamilyGrouping Grouping, string Code)> indicators, CancellationToken cancellationToken)
    {
        var percentages = indicators.Values.Where(i => i.Measure == MeasureType.Percentage).Select(i => i.Id).ToList();
        var averages = (await db.IndicatorValues.Where(v => v.Current && v.Area == ValueArea.Council && v.Value != null && percentages.Contains(v.IndicatorId))
            .GroupBy(v => v.IndicatorId).Select(g => new { g.Key, Average = g.Average(v => v.Value) }).ToListAsync(cancellationToken))
            .ToDictionary(a => a.Key, a => a.Average);
        return id => averages.TryGetValue(id, out var average) ? average : null;
    }

    /// <summary>The council whose name is nearest the one given (at most three letters apart, or one name within the other).</summary>
    private static string? Suggest(string given, IEnumerable<(string Normalised, string Name)> councils)
    {
        var folded = OrganisationNames.Normalise(given);
        return councils.Select(c => (c.Name, Distance: c.Normalised.Contains(folded, StringComparison.Ordinal) || folded.Contains(c.Normalised, StringComparison.Ordinal) ? 0 : Levenshtein(folded, c.Normalised)))
            .Where(c => c.Distance <= 3).OrderBy(c => c.Distance).Select(c => c.Name).FirstOrDefault();
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
