using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators.Importing;

namespace Pif.Web.Modules.PerformanceIndicators;

/// <summary>
/// Deterministic demo figures (Development and the benchmark; Pif ships no real files): the social work (SW) and
/// children's social work (CHN) indicators of the LGBF catalogue with plausible figures for every council, Scotland and
/// four family groups over ten years, as one generated import by the demo national administrator. The figures are
/// made up, and the import's name says so. Nothing is generated once any indicator is held (a real import wins).
/// </summary>
public sealed class IndicatorDemo(AppDbContext db, TimeProvider clock)
{
    public const string FileName = "Demo figures (generated, not real).csv";

    private const int FirstYear = 2014;
    private const int Years = 10;

    /// <param name="Population">
    /// For an indicator counted from people or events, the typical council's denominator (discharges, looked-after
    /// children): each council's figure then comes from whole counts, so its funnel plot and P or U chart can be drawn.
    /// </param>
    private sealed record Shape(string Code, string Title, MeasureType Measure, string Format, Polarity Polarity, string Category, double Middle, double Spread, double Trend,
        double Population = 0);

    private static readonly Shape[] Shapes =
    [
        new("SW01", "Older Persons (Over65) Home Care Costs per Hour", MeasureType.Cost, "'£ '0.00", Polarity.LowerIsBetter, Adults, 28, 7, 0.8),
        new("SW02", "SDS (Direct Payment + Managed Personalised Budget) Spend on Adults 18+ as a % of Total Social Work Spend on Adults 18+", MeasureType.Percentage, "0.0%", Polarity.HigherIsBetter, Adults, 0.075, 0.035, 0.002),
        new("SW03a", "% of People 65+ with Long-Term Care Needs who are Receiving Personal Care at Home", MeasureType.Percentage, "0.0%", Polarity.HigherIsBetter, Adults, 0.61, 0.05, 0),
        new("SW04b", "% of Adults Supported at Home who Agree That Their Services and Support had an Impact in Improving or Maintaining Their Quality of Life", MeasureType.Percentage, "0.0%", Polarity.HigherIsBetter, Adults, 0.80, 0.05, -0.002),
        new("SW04c", "% of Adults Supported at Home Who Agree That They Are Supported to Live as Independently as Possible", MeasureType.Percentage, "0.0%", Polarity.HigherIsBetter, Adults, 0.80, 0.05, -0.001),
        new("SW04d", "% of Adults Supported at Home Who Agree That They Had a Say in How Their Help, Care or Support was Provided", MeasureType.Percentage, "0.0%", Polarity.HigherIsBetter, Adults, 0.75, 0.05, -0.002),
        new("SW04e", "% of Carers Who Feel Supported to Continue in Their Caring Role", MeasureType.Percentage, "0.0%", Polarity.HigherIsBetter, Adults, 0.33, 0.06, -0.004),
        new("SW05", "Older Persons (Over 65's) Residential Care Costs per Week per resident", MeasureType.Cost, "'£ '0.00", Polarity.LowerIsBetter, Adults, 620, 120, 15),
        new("SW06", "Rate of Readmission to Hospital Within 28 Days per 1,000 Discharges", MeasureType.RatePer1000, "0", Polarity.LowerIsBetter, Adults, 100, 15, 0.5, 18_000),
        new("SW07", "% of Care Services Graded Good or Better", MeasureType.Percentage, "0.0%", Polarity.HigherIsBetter, Adults, 0.82, 0.05, -0.003),
        new("SW08", "Number of Days People Spend in Hospital When They are Ready to be Discharged, per 1,000 Population (75+)", MeasureType.Days, "0.0 \"Days\"", Polarity.LowerIsBetter, Adults, 750, 300, 20),
        new("CHN08a", "The Gross Costs of 'Children Looked After' in Residential Based Services per Child per Week", MeasureType.Cost, "'£ ' #,###", Polarity.LowerIsBetter, Children, 4200, 900, 120),
        new("CHN08b", "The Gross Cost of \"Children Looked After\" in a Community Setting per Child per Week", MeasureType.Cost, "'£ '0", Polarity.LowerIsBetter, Children, 380, 120, 5),
        new("CHN09", "Balance of Care for Looked After Children: % of Children Being Looked After in the Community", MeasureType.Percentage, "0.0%", Polarity.HigherIsBetter, Children, 0.90, 0.03, 0, 450),
        new("CHN17", "% of Children Meeting Developmental Milestones (Only 27-30 Month Reviews)", MeasureType.Percentage, "0.0%", Polarity.HigherIsBetter, Children, 0.84, 0.05, -0.002),
        new("CHN22", "% of Child Protection Re-Registrations Within 18 Months", MeasureType.Percentage, "0.0%", Polarity.LowerIsBetter, Children, 0.06, 0.035, 0, 90),
        new("CHN23", "% of LAC with More Than One Placement in the Last Year (Aug-Jul)", MeasureType.Percentage, "0.0%", Polarity.LowerIsBetter, Children, 0.20, 0.05, -0.002, 380),
        new("CHN24", "% of Children Living in Poverty (After Housing Costs)", MeasureType.Percentage, "0.0%", Polarity.LowerIsBetter, Children, 0.22, 0.06, 0.001),
    ];

    private const string Adults = "Adult Social Care Services";
    private const string Children = "Children's Services";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var admin = await db.Users.Where(u => u.Email == $"national.admin@{DemoAccounts.Domain}").Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken);
        if (admin is null || await db.PerformanceIndicators.AnyAsync(cancellationToken))
        {
            return;
        }

        var councils = await db.Organisations.Where(o => o.Kind == OrganisationKind.Council).OrderBy(o => o.Code).Select(o => new { o.Id, o.Code }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var import = new IndicatorImport
        {
            FileName = FileName,
            Layout = ImportLayout.LgbfLong,
            State = ImportState.Committed,
            CreatedAt = now,
            CreatedById = admin.Value,
            CommittedAt = now,
            CommittedById = admin.Value,
            Content = Encoding.UTF8.GetBytes("Generated by Pif's demo: these figures are made up.\n"),
        };
        db.IndicatorImports.Add(import);

        // Four family groups of eight, by the councils' order: a demo grouping, kept only where no real one is held.
        var groups = councils.Select((c, i) => (c.Id, Group: (i % 4) + 1)).ToDictionary(c => c.Id, c => c.Group);
        if (!await db.FamilyGroupMemberships.AnyAsync(m => m.Grouping == FamilyGrouping.Deprivation, cancellationToken))
        {
            db.FamilyGroupMemberships.AddRange(groups.Select(g => new FamilyGroupMembership { Grouping = FamilyGrouping.Deprivation, Group = g.Value, OrganisationId = g.Key, FromYear = FirstYear }));
        }

        var rows = 0;
        foreach (var shape in Shapes)
        {
            var indicator = new PerformanceIndicator
            {
                Code = shape.Code,
                NormalisedCode = IndicatorCodes.Normalise(shape.Code),
                Title = shape.Title,
                Definition = "Demo: a made-up series in the shape of the LGBF indicator of this name.",
                Source = IndicatorSource.Lgbf,
                MeasureType = shape.Measure,
                NumberFormat = shape.Format,
                Polarity = shape.Polarity,
                PeriodType = PeriodType.FinancialYear,
                Category = shape.Category,
                Grouping = FamilyGrouping.Deprivation,
                ImportId = import.Id,
            };
            db.PerformanceIndicators.Add(indicator);
            for (var year = FirstYear; year < FirstYear + Years; year++)
            {
                var period = string.Create(CultureInfo.InvariantCulture, $"{year}-{(year + 1) % 100:00}");
                var figures = councils.Select(c => (c.Id, c.Code, Counts: Counts(shape, c.Code, year)))
                    .Select(c => (c.Id, Value: c.Counts is { } k ? Round(shape, k.Numerator / k.Denominator * Scale(shape)) : Figure(shape, c.Code, year), c.Counts)).ToList();
                foreach (var (council, value, counts) in figures)
                {
                    db.IndicatorValues.Add(Value(indicator, import, ValueArea.Council, council, null, period, year, value, counts));
                }

                var scotland = shape.Population > 0
                    ? (figures.Sum(f => f.Counts!.Value.Numerator), figures.Sum(f => f.Counts!.Value.Denominator))
                    : ((double, double)?)null;
                db.IndicatorValues.Add(Value(indicator, import, ValueArea.Scotland, null, null, period, year,
                    scotland is { } all ? Round(shape, all.Item1 / all.Item2 * Scale(shape)) : Round(shape, figures.Average(f => f.Value)), scotland));
                foreach (var group in figures.GroupBy(f => groups[f.Id]))
                {
                    db.IndicatorValues.Add(Value(indicator, import, ValueArea.FamilyGroup, null, group.Key, period, year, Round(shape, group.Average(f => f.Value))));
                }

                rows += figures.Count;
            }
        }

        import.Rows = rows;
        import.Added = rows;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static IndicatorValue Value(PerformanceIndicator indicator, IndicatorImport import, ValueArea area, Guid? council, int? group, string period, int year, double value,
        (double Numerator, double Denominator)? counts = null) => new()
        {
            Numerator = counts?.Numerator,
            Denominator = counts?.Denominator,
            IndicatorId = indicator.Id,
            Area = area,
            OrganisationId = council,
            FamilyGroup = group,
            Period = period,
            FromYear = year,
            ToYear = year + 1,
            Value = value,
            ImportId = import.Id,
        };

    /// <summary>
    /// A counted indicator's numerator and denominator: the council's own population (a lasting size, changing a
    /// little each year) and the count its figure gives, rounded to a whole number.
    /// </summary>
    private static (double Numerator, double Denominator)? Counts(Shape shape, string council, int year)
    {
        if (shape.Population <= 0)
        {
            return null;
        }

        var size = Math.Exp(0.7 * Normal(Hash($"{shape.Code}|{council}|size")));
        var denominator = Math.Round(shape.Population * size * (1 + (0.03 * Normal(Hash($"{shape.Code}|{council}|{year}|size")))));
        var numerator = Math.Round(Figure(shape, council, year) / Scale(shape) * denominator);

        // A percentage stays within the demo's plausible half a percent of either end, as the figures do.
        return (shape.Measure == MeasureType.Percentage ? Math.Clamp(numerator, Math.Ceiling(0.005 * denominator), Math.Floor(0.995 * denominator)) : numerator, denominator);
    }

    /// <summary>What a count over its denominator is multiplied by to give the figure: 1,000 for a rate per 1,000.</summary>
    private static double Scale(Shape shape) => shape.Measure switch
    {
        MeasureType.RatePer1000 => 1000,
        MeasureType.RatePer10000 => 10_000,
        _ => 1,
    };

    /// <summary>A council's figure: its own lasting offset from the middle, the indicator's trend, and a little noise each year.</summary>
    private static double Figure(Shape shape, string council, int year)
    {
        var offset = Normal(Hash($"{shape.Code}|{council}"));
        var noise = Normal(Hash($"{shape.Code}|{council}|{year}"));
        var value = shape.Middle + (shape.Spread * offset) + (shape.Trend * (year - FirstYear)) + (shape.Spread * 0.2 * noise);
        value = shape.Measure == MeasureType.Percentage ? Math.Clamp(value, 0.005, 0.995) : Math.Max(value, shape.Middle * 0.1);
        return Round(shape, value);
    }

    private static double Round(Shape shape, double value) => Math.Round(value, shape.Measure switch
    {
        MeasureType.Percentage => 4,
        MeasureType.Cost => 2,
        _ => 1,
    });

    /// <summary>A standard normal value from a seed (Box-Muller over two uniform draws), the same on every machine.</summary>
    private static double Normal(uint seed)
    {
        var random = new Random((int)(seed & 0x7fffffff));
        var u = 1 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Clamp(Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v), -2.5, 2.5);
    }

    /// <summary>FNV-1a over the text's UTF-8: stable across runs, where <c>string.GetHashCode</c> is not.</summary>
    private static uint Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }
}
