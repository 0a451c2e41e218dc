using MiniExcelLibs;
using Pif.Web.Modules.Reports;

namespace Pif.Web.Pages.Reports;

/// <summary>The national overview as a workbook (MiniExcel, ADR 7): one sheet each for the grades, the moves, the themes and the cycles.</summary>
public static class NationalOverviewExport
{
    public const string GradesSheet = "Grades by QI";
    public const string MovesSheet = "Grades moved";
    public const string ThemesSheet = "Themes";
    public const string CyclesSheet = "Cycles";

    public static async Task<byte[]> XlsxAsync(NationalOverview overview, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(overview);
        var sheets = new Dictionary<string, object>
        {
            [GradesSheet] = overview.Qis.Select(q =>
            {
                var row = new Dictionary<string, object?> { ["Code"] = q.Code, ["Quality indicator"] = q.Title };
                foreach (var (value, label) in overview.Levels)
                {
                    row[$"Agreed {value} {label}"] = q.Agreed[value];
                }

                foreach (var (value, label) in overview.Levels)
                {
                    row[$"Validated {value} {label}"] = q.Validated[value];
                }

                return row;
            }).ToList(),
            [MovesSheet] = overview.Moves.Select(m => new Dictionary<string, object?>
            {
                ["Validated minus agreed"] = m.Difference,
                ["How the grade moved"] = NationalWording.Move(m.Difference),
                ["Quality indicators"] = m.Count,
            }).ToList(),
            [ThemesSheet] = overview.Words.Select(t => Theme("Word", t)).Concat(overview.Phrases.Select(t => Theme("Phrase", t))).ToList(),
            [CyclesSheet] = overview.Trend.Select(c => new Dictionary<string, object?>
            {
                ["Cycle"] = c.Label,
                ["Validated self-evaluations"] = c.SelfEvaluations,
                ["Mean agreed grade"] = c.MeanAgreed is { } a ? Math.Round(a, 2) : null,
                ["Mean validated grade"] = c.MeanValidated is { } v ? Math.Round(v, 2) : null,
                ["Exact agreement"] = c.Agreement.ExactRate is { } r ? Math.Round(r, 3) : null,
                ["Weighted kappa"] = c.Agreement.WeightedKappa is { } k ? Math.Round(k, 3) : null,
            }).ToList(),
        };
        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, sheets, cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Theme(string kind, Theme theme) => new()
    {
        ["Kind"] = kind,
        ["Text"] = theme.Text,
        ["Mentions"] = theme.Mentions,
        ["Councils"] = theme.Councils,
    };
}
