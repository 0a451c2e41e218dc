using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Frameworks.Documents;

namespace Pif.Web.Modules.Frameworks;

/// <summary>The scales Pif ships. Seeding adds a missing scale and never rewrites one that exists.</summary>
internal static class ScaleSeed
{
    public const string SixPoint = "six-point";
    public const string SixPointSatisfactory = "six-point-satisfactory";
    public const string Radar = "radar";

    public static readonly IReadOnlyList<ScaleDocument> All =
    [
        SixPointScale(SixPoint, "Six-point scale", "Adequate"),
        SixPointScale(SixPointSatisfactory, "Six-point scale (schools' wording)", "Satisfactory"),
        new(Radar, "RADAR percentage scale", ScaleKind.Percentage,
        [
            new(100, "Comprehensive evidence", "Scores of 90 to 100%: a sound, integrated approach applied everywhere, with excellent results sustained over time and refined by review"),
            new(75, "Clear evidence", "Scores of 65 to 85%: a sound approach applied in most areas, reviewed regularly, with good results and improving trends in most areas"),
            new(50, "Evidence", "Scores of 40 to 60%: a sound approach applied in about half of the relevant areas, with some review and some positive trends"),
            new(25, "Some evidence", "Scores of 15 to 35%: an approach that exists in some areas, with little review and few results to show"),
            new(0, "No evidence or anecdotal", "Scores of 0 to 10%: no approach, or only anecdotal evidence of one, and no results"),
        ]),
    ];

    private static ScaleDocument SixPointScale(string code, string name, string levelThree) => new(code, name, ScaleKind.Levels,
    [
        new(6, "Excellent", "Outstanding or sector-leading practice that is sustainable"),
        new(5, "Very good", "Major strengths, with very few areas for improvement"),
        new(4, "Good", "Important strengths that clearly outweigh the areas for improvement"),
        new(3, levelThree, "Strengths that just outweigh the weaknesses"),
        new(2, "Weak", "Important weaknesses"),
        new(1, "Unsatisfactory", "Major weaknesses that need immediate action"),
    ]);

    public static async Task SeedAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.EvaluationScales.Select(s => s.Code).ToListAsync(cancellationToken);
        foreach (var scale in All.Where(s => !existing.Contains(s.Code)))
        {
            var entity = new EvaluationScale { Code = scale.Code, Name = scale.Name, Kind = scale.Kind };
            entity.Levels.AddRange(scale.Levels.Select(l => new ScaleLevel { ScaleId = entity.Id, Value = l.Value, Label = l.Label, Meaning = l.Meaning }));
            db.EvaluationScales.Add(entity);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
