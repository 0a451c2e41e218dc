namespace Pif.Web.Modules.Frameworks.Documents;

/// <summary>
/// A framework version in the exchange format of docs/framework-format.md: what the import reads,
/// the export writes and the seed loads. No database ids and no status.
/// </summary>
public sealed record FrameworkDocument(
    string Code,
    int Version,
    string Title,
    string? Description,
    string? Publisher,
    FrameworkKind Kind,
    ScaleDocument Scale,
    IReadOnlyList<string> GroupLabels,
    IReadOnlyList<GroupDocument> Groups,
    IReadOnlyList<MappingDocument> Mappings)
{
    /// <summary>Every QI, in order, with the path of its place in the file.</summary>
    public IEnumerable<(QiDocument Qi, string Path)> QualityIndicators() => Walk(Groups, "$.groups");

    private static IEnumerable<(QiDocument, string)> Walk(IReadOnlyList<GroupDocument> groups, string path)
    {
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            foreach (var inner in Walk(group.Groups ?? [], $"{path}[{g}].groups"))
            {
                yield return inner;
            }

            for (var q = 0; q < (group.QualityIndicators?.Count ?? 0); q++)
            {
                yield return (group.QualityIndicators![q], $"{path}[{g}].qualityIndicators[{q}]");
            }
        }
    }
}

public sealed record ScaleDocument(string Code, string Name, ScaleKind Kind, IReadOnlyList<ScaleLevelDocument> Levels)
{
    /// <summary>The file named a scale Pif holds by its code alone, without repeating its levels. Never written out: an export repeats the scale whole.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool ByCodeOnly { get; init; }
}

public sealed record ScaleLevelDocument(int Value, string Label, string Meaning);

/// <summary>A group holds either groups (the top level of a two-level framework) or QIs, never both.</summary>
public sealed record GroupDocument(string Code, string Title, IReadOnlyList<GroupDocument>? Groups, IReadOnlyList<QiDocument>? QualityIndicators);

public sealed record QiDocument(
    string Code,
    string Title,
    string Summary,
    bool IsOverallJudgement,
    IReadOnlyList<string> Themes,
    IReadOnlyList<IllustrationDocument> Illustrations,
    IReadOnlyList<string> ChallengeQuestions,
    IReadOnlyList<EvidenceDocument> SuggestedEvidence);

public sealed record IllustrationDocument(int Level, string Text, string? Theme = null);

public sealed record EvidenceDocument(EvidenceFamily Family, string Text);

public sealed record MappingDocument(string FromQi, string ToFramework, string ToQi, MappingRelation Relation);

/// <summary>One thing wrong with a file: where (a JSON path such as <c>$.groups[0].title</c>) and what to fix.</summary>
public sealed record FrameworkProblem(string Path, string Message);
