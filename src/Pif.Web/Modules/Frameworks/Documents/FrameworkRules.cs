using System.Text.RegularExpressions;
using Pif.Web.Infrastructure;

namespace Pif.Web.Modules.Frameworks.Documents;

/// <summary>What the import needs to know of the database: its scales, and the QI codes of every framework.</summary>
public sealed record FrameworkCatalogue(IReadOnlyDictionary<string, ScaleDocument> Scales, IReadOnlyDictionary<string, IReadOnlySet<string>> QiCodes);

/// <summary>
/// The rules a framework version must meet to be imported or published, each broken rule
/// reported with the JSON path of the value to fix.
/// </summary>
public static partial class FrameworkRules
{
    public static IReadOnlyList<FrameworkProblem> Check(FrameworkDocument document, FrameworkCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(catalogue);
        var problems = new List<FrameworkProblem>();
        if (!FrameworkLimits.IsFrameworkCode(document.Code))
        {
            problems.Add(new("$.code", document.Code.Length == 0 ? "Enter the framework's code, such as PIF" : $"Enter a code of {FrameworkLimits.FrameworkCodeHint}"));
        }

        Text(problems, "$.title", document.Title, FrameworkLimits.TitleMaxLength, "Enter the framework's title");
        Text(problems, "$.description", document.Description, FrameworkLimits.DescriptionMaxLength, null);
        Text(problems, "$.publisher", document.Publisher, FrameworkLimits.PublisherMaxLength, null);
        document = document with { Scale = CheckScale(problems, document.Scale, catalogue) };
        CheckGroups(problems, document);
        CheckQualityIndicators(problems, document);
        CheckMappings(problems, document, catalogue);
        return problems;
    }

    /// <summary>
    /// The file's scale: one Pif holds, named by its code alone or repeated word for word, or a new one defined in
    /// full (created with the draft). Returns the scale the rest of the file is checked against.
    /// </summary>
    private static ScaleDocument CheckScale(List<FrameworkProblem> problems, ScaleDocument scale, FrameworkCatalogue catalogue)
    {
        var known = string.Join(", ", catalogue.Scales.Keys.Order(StringComparer.Ordinal));
        if (scale.Code.Length == 0)
        {
            problems.Add(new("$.scale.code", $"Enter the scale's code: one Pif holds ({known}), or a new code with the scale's name, kind and levels"));
            return scale;
        }

        if (catalogue.Scales.TryGetValue(scale.Code, out var held))
        {
            if (!scale.ByCodeOnly)
            {
                CompareWithHeld(problems, scale, held);
            }

            return held;
        }

        if (scale.ByCodeOnly)
        {
            problems.Add(new("$.scale.code", $"Pif has no scale \"{scale.Code}\": use one of {known}, or define a new scale with its name, kind and levels"));
            return scale;
        }

        CheckNewScale(problems, scale);
        return scale;
    }

    /// <summary>A held scale repeated in a file must be word for word what Pif holds, so a file cannot quietly redefine a grade.</summary>
    private static void CompareWithHeld(List<FrameworkProblem> problems, ScaleDocument scale, ScaleDocument expected)
    {
        if (scale.Levels.Count == 0)
        {
            problems.Add(new("$.scale.levels", "The scale has no levels: list its levels, each with a value, label and meaning"));
        }

        if (scale.Name != expected.Name)
        {
            problems.Add(new("$.scale.name", $"The scale {expected.Code} is called \"{expected.Name}\", not \"{scale.Name}\""));
        }

        if (scale.Kind != expected.Kind)
        {
            problems.Add(new("$.scale.kind", $"The scale {expected.Code} is a {expected.Kind.ToString().ToLowerInvariant()} scale"));
        }

        if (scale.Levels.Count == 0)
        {
            return;
        }

        if (!scale.Levels.Select(l => l.Value).Order().SequenceEqual(expected.Levels.Select(l => l.Value).Order()))
        {
            problems.Add(new("$.scale.levels", $"The scale {expected.Code} has the levels {string.Join(", ", expected.Levels.Select(l => l.Value))}: list each once"));
        }

        for (var i = 0; i < scale.Levels.Count; i++)
        {
            var level = scale.Levels[i];
            if (expected.Levels.FirstOrDefault(l => l.Value == level.Value) is not { } match)
            {
                continue;
            }

            if (level.Label != match.Label)
            {
                problems.Add(new($"$.scale.levels[{i}].label", $"Level {level.Value} of the scale {expected.Code} is labelled \"{match.Label}\", not \"{level.Label}\""));
            }

            if (level.Meaning != match.Meaning)
            {
                problems.Add(new($"$.scale.levels[{i}].meaning", $"Level {level.Value} of the scale {expected.Code} means \"{match.Meaning}\": use that wording"));
            }
        }
    }

    /// <summary>A new scale: a code of its own, a name, and at least two levels, each with its own value, label and meaning.</summary>
    private static void CheckNewScale(List<FrameworkProblem> problems, ScaleDocument scale)
    {
        if (scale.Code.Length > EvaluationScale.CodeMaxLength || !ScaleCode().IsMatch(scale.Code))
        {
            problems.Add(new("$.scale.code", $"Give the new scale a code of lower-case letters, digits and hyphens, up to {EvaluationScale.CodeMaxLength} characters, such as \"four-point\""));
        }

        Text(problems, "$.scale.name", scale.Name, EvaluationScale.NameMaxLength, "Enter the new scale's name, such as \"Four-point scale\"");
        if (scale.Levels.Count < 2)
        {
            problems.Add(new("$.scale.levels", "Give the new scale at least two levels, each with a value, label and meaning"));
        }

        var values = new HashSet<int>();
        var labels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < scale.Levels.Count; i++)
        {
            var level = scale.Levels[i];
            var at = $"$.scale.levels[{i}]";
            if (level.Value == int.MinValue)
            {
                continue;
            }

            if (scale.Kind == ScaleKind.Percentage ? level.Value is < 0 or > 100 : level.Value < 1)
            {
                problems.Add(new($"{at}.value", scale.Kind == ScaleKind.Percentage ? "Give a percentage from 0 to 100" : "Give a whole number of 1 or more: the highest level is the best"));
            }
            else if (!values.Add(level.Value))
            {
                problems.Add(new($"{at}.value", $"Level {level.Value} appears twice: give each level its own value"));
            }

            Text(problems, $"{at}.label", level.Label, EvaluationScale.LabelMaxLength, "Enter the level's label, such as \"Good\"");
            if (level.Label.Length > 0 && !labels.Add(level.Label))
            {
                problems.Add(new($"{at}.label", $"Two levels are labelled \"{level.Label}\": give each its own label"));
            }

            Text(problems, $"{at}.meaning", level.Meaning, EvaluationScale.MeaningMaxLength, "Enter what the level means, such as \"Important strengths that clearly outweigh the areas for improvement\"");
        }
    }

    private static void CheckGroups(List<FrameworkProblem> problems, FrameworkDocument document)
    {
        var labels = document.GroupLabels;
        if (labels.Count is < 1 or > 2)
        {
            problems.Add(new("$.groupLabels", "Give one or two group labels, such as [\"High-level question\", \"Key area\"]"));
        }

        for (var i = 0; i < labels.Count; i++)
        {
            Text(problems, $"$.groupLabels[{i}]", labels[i], FrameworkLimits.GroupLabelMaxLength, "Enter a label, such as \"Key area\"");
        }

        if (document.Groups.Count == 0)
        {
            problems.Add(new("$.groups", "The framework has no quality indicators: add at least one group with quality indicators in it"));
        }

        var depth = Math.Clamp(labels.Count, 1, 2);
        var codes = new Dictionary<(int, string), string>();
        CheckGroupLevel(problems, document.Groups, "$.groups", 1, depth, codes);
    }

    private static void CheckGroupLevel(List<FrameworkProblem> problems, IReadOnlyList<GroupDocument> groups, string path, int level, int depth, Dictionary<(int, string), string> codes)
    {
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            var at = $"{path}[{g}]";
            if (!FrameworkLimits.IsCode(group.Code))
            {
                problems.Add(new($"{at}.code", group.Code.Length == 0 ? "Enter the group's code, such as 9" : $"Enter a code of {FrameworkLimits.CodeHint}"));
            }
            else if (!codes.TryAdd((level, group.Code), at))
            {
                problems.Add(new($"{at}.code", $"The group code {group.Code} is used twice at this level (also at {codes[(level, group.Code)]}): give each group its own code"));
            }

            Text(problems, $"{at}.title", group.Title, FrameworkLimits.TitleMaxLength, "Enter the group's title");
            if (level < depth)
            {
                if (group.QualityIndicators is not null)
                {
                    problems.Add(new($"{at}.qualityIndicators", "This framework has two levels of groups: put the QIs in the groups inside this one"));
                }

                if (group.Groups is not { Count: > 0 })
                {
                    problems.Add(new($"{at}.groups", "Add the groups of the second level to this group"));
                }
                else
                {
                    CheckGroupLevel(problems, group.Groups, $"{at}.groups", level + 1, depth, codes);
                }
            }
            else
            {
                if (group.Groups is not null)
                {
                    problems.Add(new($"{at}.groups", depth == 1
                        ? "This framework has one level of groups (one group label): put QIs here, not groups"
                        : "Groups go two levels deep at most: put QIs here, not groups"));
                }

                if (group.QualityIndicators is not { Count: > 0 })
                {
                    problems.Add(new($"{at}.qualityIndicators", "Add at least one quality indicator to this group, or remove the group"));
                }
            }
        }
    }

    private static void CheckQualityIndicators(List<FrameworkProblem> problems, FrameworkDocument document)
    {
        var all = document.QualityIndicators().ToList();
        if (all.Count == 0 && document.Groups.Count > 0)
        {
            problems.Add(new("$.groups", "The framework has no quality indicators: add at least one"));
        }

        if (all.Count > FrameworkLimits.MaxQualityIndicators)
        {
            problems.Add(new("$.groups", $"The framework has {all.Count} quality indicators: Pif takes up to {FrameworkLimits.MaxQualityIndicators}"));
        }

        var levels = document.Scale.Levels.Select(l => l.Value).ToHashSet();
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        string? overall = null;
        foreach (var (qi, path) in all)
        {
            if (!FrameworkLimits.IsCode(qi.Code))
            {
                problems.Add(new($"{path}.code", qi.Code.Length == 0 ? "Enter the QI's code, such as 9.2" : $"Enter a code of {FrameworkLimits.CodeHint}"));
            }
            else if (!codes.TryAdd(qi.Code, path))
            {
                problems.Add(new($"{path}.code", $"The QI code {qi.Code} is used twice (also at {codes[qi.Code]}): give each QI its own code"));
            }

            Text(problems, $"{path}.title", qi.Title, FrameworkLimits.TitleMaxLength, "Enter the QI's title");
            Text(problems, $"{path}.summary", qi.Summary, FrameworkLimits.SummaryMaxLength, "Enter a summary of what the QI covers");
            if (qi.IsOverallJudgement)
            {
                if (overall is not null)
                {
                    problems.Add(new($"{path}.isOverallJudgement", $"Only one QI can be the overall judgement, and {overall} already is: set this one to false"));
                }

                overall ??= qi.Code;
            }

            CheckParts(problems, qi, path, levels);
        }
    }

    private static void CheckParts(List<FrameworkProblem> problems, QiDocument qi, string path, HashSet<int> levels)
    {
        for (var i = 0; i < qi.Themes.Count; i++)
        {
            Text(problems, $"{path}.themes[{i}]", qi.Themes[i], FrameworkLimits.ThemeMaxLength, "Enter the theme, or remove the empty one");
            if (qi.Themes.Take(i).Contains(qi.Themes[i], StringComparer.Ordinal))
            {
                problems.Add(new($"{path}.themes[{i}]", $"The theme \"{qi.Themes[i]}\" is listed twice in this QI: keep one"));
            }
        }

        for (var i = 0; i < qi.Illustrations.Count; i++)
        {
            var illustration = qi.Illustrations[i];
            var at = $"{path}.illustrations[{i}]";
            if (illustration.Level != int.MinValue && !levels.Contains(illustration.Level) && levels.Count > 0)
            {
                problems.Add(new($"{at}.level", $"The scale has no level {illustration.Level}: use one of {string.Join(", ", levels.Order())}"));
            }

            Text(problems, $"{at}.text", illustration.Text, FrameworkLimits.IllustrationMaxLength, "Enter what this level looks like in practice");
            if (illustration.Theme is not null && !qi.Themes.Contains(illustration.Theme, StringComparer.Ordinal))
            {
                problems.Add(new($"{at}.theme", $"This QI has no theme \"{illustration.Theme}\": use one of its themes exactly, or leave the theme out"));
            }
            else if (qi.Illustrations.Take(i).Any(o => o.Level == illustration.Level && o.Theme == illustration.Theme))
            {
                problems.Add(new($"{at}.level", $"This QI already has an illustration of level {illustration.Level}{(illustration.Theme is null ? "" : $" for \"{illustration.Theme}\"")}: keep one"));
            }
        }

        for (var i = 0; i < qi.ChallengeQuestions.Count; i++)
        {
            Text(problems, $"{path}.challengeQuestions[{i}]", qi.ChallengeQuestions[i], FrameworkLimits.QuestionMaxLength, "Enter the question, or remove the empty one");
        }

        for (var i = 0; i < qi.SuggestedEvidence.Count; i++)
        {
            Text(problems, $"{path}.suggestedEvidence[{i}].text", qi.SuggestedEvidence[i].Text, FrameworkLimits.EvidenceMaxLength, "Enter where to look for evidence");
        }
    }

    private static void CheckMappings(List<FrameworkProblem> problems, FrameworkDocument document, FrameworkCatalogue catalogue)
    {
        var own = document.QualityIndicators().Select(q => q.Qi.Code).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < document.Mappings.Count; i++)
        {
            var mapping = document.Mappings[i];
            var at = $"$.mappings[{i}]";
            if (!own.Contains(mapping.FromQi))
            {
                problems.Add(new($"{at}.fromQi", mapping.FromQi.Length == 0 ? "Enter the code of a QI in this framework" : $"This framework has no QI {mapping.FromQi}"));
            }

            var target = mapping.ToFramework == document.Code ? own : catalogue.QiCodes.GetValueOrDefault(mapping.ToFramework);
            if (target is null)
            {
                problems.Add(new($"{at}.toFramework", mapping.ToFramework.Length == 0
                    ? "Enter the code of the framework this QI relates to"
                    : $"Pif has no framework {mapping.ToFramework}: import it first, or remove this mapping"));
            }
            else if (!target.Contains(mapping.ToQi))
            {
                problems.Add(new($"{at}.toQi", mapping.ToQi.Length == 0 ? "Enter the code of the QI this one relates to" : $"{mapping.ToFramework} has no QI {mapping.ToQi}"));
            }

            if (document.Mappings.Take(i).Any(m => m.FromQi == mapping.FromQi && m.ToFramework == mapping.ToFramework && m.ToQi == mapping.ToQi))
            {
                problems.Add(new(at, $"{mapping.FromQi} is already mapped to {mapping.ToFramework} {mapping.ToQi}: keep one mapping"));
            }
        }
    }

    private static void Text(List<FrameworkProblem> problems, string path, string? value, int maxLength, string? whenEmpty)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (whenEmpty is not null)
            {
                problems.Add(new(path, whenEmpty));
            }
        }
        else if (Texts.Exceeds(value, maxLength))
        {
            problems.Add(new(path, $"This text has {Texts.Count(value):N0} characters: shorten it to {maxLength:N0} or fewer"));
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ScaleCode();
}
