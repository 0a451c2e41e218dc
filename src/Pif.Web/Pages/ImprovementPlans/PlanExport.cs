using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Infrastructure.Documents;
using Pif.Web.Modules.ImprovementPlans;

namespace Pif.Web.Pages.ImprovementPlans;

/// <summary>
/// A plan as a workbook (sheet 1 one row per action with its latest update, sheet 2 every update, sheet 3 every PDSA
/// cycle; MiniExcel, ADR 7), as a Word document (ADR 9), and its actions as CSV (CsvHelper), so a council never copies a plan
/// into a spreadsheet or a committee paper by hand.
/// </summary>
public static class PlanExport
{
    public const string ActionsSheet = "Actions";
    public const string UpdatesSheet = "Updates";
    public const string CyclesSheet = "PDSA cycles";

    public static async Task<byte[]> XlsxAsync(AppDbContext db, PlanView plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var (actions, updates, cycles) = await RowsAsync(db, plan, cancellationToken);
        var sheets = new Dictionary<string, object>
        {
            [ActionsSheet] = actions,
            [UpdatesSheet] = updates,
            [CyclesSheet] = cycles,
        };
        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, sheets, cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    /// <summary>
    /// The plan as a Word document for a committee paper: its details and approvals, then each action under its own
    /// heading with every field of the workbook's row, its updates and its PDSA cycles.
    /// </summary>
    public static async Task<byte[]> DocxAsync(AppDbContext db, PlanView plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var (actions, updates, cycles) = await RowsAsync(db, plan, cancellationToken);
        return WordWriter.Create(plan.Title, word =>
        {
            word.Title(plan.Title);
            word.Labelled("Council", plan.Council);
            word.Labelled("Period", $"{Dates.Written(plan.PeriodStart)} to {Dates.Written(plan.PeriodEnd)}");
            word.Labelled("State", ImprovementPlanWording.State(plan.State));
            if (plan.SelfEvaluation is { } evaluation)
            {
                word.Labelled("From the self-evaluation", evaluation);
            }

            foreach (var (revision, by, at) in plan.Approvals)
            {
                word.Labelled($"Revision {revision.ToString(CultureInfo.InvariantCulture)} approved", $"by {by}, {Dates.LondonTime(at)}");
            }

            word.Heading(1, "Actions");
            if (actions.Count == 0)
            {
                word.Paragraph("The plan has no actions yet.");
            }

            foreach (var action in actions)
            {
                var number = action["Action"];
                word.Heading(2, $"Action {Cell(number)}: {Cell(action["What will be done"])}");
                foreach (var (column, value) in action.Where(c => c.Key is not "Action" and not "What will be done"))
                {
                    word.Labelled(column, value is null ? "None" : Cell(value));
                }

                var its = updates.Where(u => Equals(u["Action"], number)).ToList();
                if (its.Count > 0)
                {
                    word.Heading(3, "Updates");
                    word.Table(["Posted", "By", "What happened", "Status"], its.Select(u => (IReadOnlyList<string>)
                        [Cell(u["Posted"]), Cell(u["By"]), Cell(u["What happened"]), u["Status to"] is null ? "" : $"{Cell(u["Status from"])} to {Cell(u["Status to"])}"]));
                }

                foreach (var cycle in cycles.Where(c => Equals(c["Action"], number)))
                {
                    word.Heading(3, $"PDSA cycle {Cell(cycle["Cycle"])}");
                    foreach (var (column, value) in cycle.Where(c => c.Key is not "Action" and not "Cycle" && c.Value is not null))
                    {
                        word.Labelled(column, Cell(value));
                    }
                }
            }
        });
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        DateTime date => Dates.Written(DateOnly.FromDateTime(date)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    public static async Task<byte[]> CsvAsync(AppDbContext db, PlanView plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var (actions, _, _) = await RowsAsync(db, plan, cancellationToken);
        // A cell that a spreadsheet would read as a formula is escaped (OWASP CSV injection); a byte order mark lets
        // Excel read names with accents correctly.
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true, FormatProvider = CultureInfo.InvariantCulture };
        using var stream = new MemoryStream();
        await using (var csv = CsvWriter.Create(stream, options, false))
        {
            var columns = actions.Count > 0 ? actions[0].Keys.ToArray() : [.. ActionColumns];
            await csv.WriteRecordAsync(columns, cancellationToken);
            foreach (var row in actions)
            {
                await csv.WriteRecordAsync(columns.Select(column => row[column] switch
                {
                    DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    null => "",
                    var value => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
                }).ToArray(), cancellationToken);
            }
        }

        return stream.ToArray();
    }

    /// <summary>A file name for the plan, from its title: letters, digits and hyphens only.</summary>
    public static string FileName(PlanView plan, string extension)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var slug = new string(plan.Title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        slug = slug.Trim('-');
        return $"{(slug.Length == 0 ? "improvement-plan" : slug[..Math.Min(slug.Length, 80)])}.{extension}";
    }

    private static readonly List<string> ActionColumns =
        ["Action", "What will be done", "Outcome for people", "Answers", "Owner", "Start", "Due", "Priority", "Status", "RAG", "Measure of success", "Latest update", "Latest update on"];

    private static async Task<(List<Dictionary<string, object?>> Actions, List<Dictionary<string, object?>> Updates, List<Dictionary<string, object?>> Cycles)> RowsAsync(
        AppDbContext db, PlanView plan, CancellationToken cancellationToken)
    {
        var ids = plan.Actions.Select(a => a.Id).ToList();
        var details = await db.PlanActions.Where(a => a.PlanId == plan.Id)
            .Select(a => new { a.Id, a.Outcome, a.StartDate, a.SuccessMeasure }).ToDictionaryAsync(a => a.Id, cancellationToken);
        var updates = await db.ActionUpdates.Where(u => ids.Contains(u.ActionId))
            .Join(db.Users, u => u.AuthorId, p => p.Id, (u, p) => new
            {
                u.Id,
                u.ActionId,
                u.At,
                Author = p.DisplayName,
                u.Narrative,
                u.StatusFrom,
                u.StatusTo,
                u.StatusReason,
                u.CorrectsId,
                Evidence = db.EvidenceItems.Where(e => e.Id == u.EvidenceItemId).Select(e => e.Title).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var cycles = await db.PdsaCycles.AsNoTracking().Where(c => ids.Contains(c.ActionId)).ToListAsync(cancellationToken);
        var numbers = plan.Actions.ToDictionary(a => a.Id, a => a.Number);
        var updateTimes = updates.ToDictionary(u => u.Id, u => u.At);

        var actionRows = plan.Actions.Select(a =>
        {
            var latest = updates.Where(u => u.ActionId == a.Id).MaxBy(u => u.At);
            var detail = details[a.Id];
            return new Dictionary<string, object?>
            {
                ["Action"] = a.Number,
                ["What will be done"] = a.Description,
                ["Outcome for people"] = detail.Outcome,
                ["Answers"] = a.Qis.Count == 0 ? "Validation summary" : string.Join(", ", a.Qis),
                ["Owner"] = a.Owner,
                ["Start"] = detail.StartDate.ToDateTime(TimeOnly.MinValue),
                ["Due"] = a.DueDate.ToDateTime(TimeOnly.MinValue),
                ["Priority"] = ImprovementPlanWording.Priority(a.Priority),
                ["Status"] = ImprovementPlanWording.Status(a.Status),
                ["RAG"] = ImprovementPlanWording.Rag(a.Rag),
                ["Measure of success"] = detail.SuccessMeasure,
                ["Latest update"] = latest?.Narrative,
                ["Latest update on"] = latest is null ? null : Dates.LondonDate(latest.At),
            };
        }).ToList();
        var updateRows = updates.OrderBy(u => numbers[u.ActionId]).ThenBy(u => u.At).Select(u => new Dictionary<string, object?>
        {
            ["Action"] = numbers[u.ActionId],
            ["Posted"] = Dates.LondonTime(u.At),
            ["By"] = u.Author,
            ["What happened"] = u.Narrative,
            ["Status from"] = u.StatusFrom is { } from ? ImprovementPlanWording.Status(from) : null,
            ["Status to"] = u.StatusTo is { } to ? ImprovementPlanWording.Status(to) : null,
            ["Why on track"] = u.StatusReason,
            ["Evidence"] = u.Evidence,
            ["Corrects the update of"] = u.CorrectsId is { } corrects && updateTimes.TryGetValue(corrects, out var at) ? Dates.LondonTime(at) : null,
        }).ToList();
        var cycleRows = cycles.OrderBy(c => numbers[c.ActionId]).ThenBy(c => c.Number).Select(c => new Dictionary<string, object?>
        {
            ["Action"] = numbers[c.ActionId],
            ["Cycle"] = c.Number,
            ["Change"] = c.Change,
            ["Prediction"] = c.Prediction,
            ["Measure"] = c.Measure,
            ["What happened"] = c.WhatHappened,
            ["Result"] = c.Result,
            ["Decision"] = c.Decision is { } decision ? ImprovementPlanWording.Decision(decision) : null,
            ["Notes on the decision"] = c.DecisionNotes,
            ["Started"] = Dates.LondonDate(c.StartedAt),
            ["Decided"] = c.DecidedAt is { } decided ? Dates.LondonDate(decided) : null,
        }).ToList();
        return (actionRows, updateRows, cycleRows);
    }
}
