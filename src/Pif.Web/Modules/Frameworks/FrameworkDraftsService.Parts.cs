using Microsoft.EntityFrameworkCore;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.Frameworks;

/// <summary>The parts of a QI in a draft: themes, illustrations, challenge questions, suggested evidence and mappings.</summary>
public sealed partial class FrameworkDraftsService
{
    public Task<ServiceResult> AddThemeAsync(UserAccess actor, Guid qiId, string title, CancellationToken cancellationToken) =>
        AddPartAsync(actor, qiId, "theme", new { title }, (qi, _) => ThemeProblemAsync(qi, null, title, cancellationToken),
            (qi, position) => new QiTheme { QualityIndicatorId = qi.Id, Title = title, Position = position }, cancellationToken);

    public Task<ServiceResult> UpdateThemeAsync(UserAccess actor, Guid themeId, Guid stamp, string title, CancellationToken cancellationToken) =>
        UpdatePartAsync<QiTheme>(actor, themeId, stamp, "theme", (qi, _, theme) => ThemeProblemAsync(qi, theme.Id, title, cancellationToken),
            theme => (new { theme.Title }, () => theme.Title = title, new { title }), cancellationToken);

    public Task<ServiceResult> RemoveThemeAsync(UserAccess actor, Guid themeId, CancellationToken cancellationToken) =>
        RemovePartAsync<QiTheme>(actor, themeId, "theme", async theme => await db.QiIllustrations.AnyAsync(i => i.ThemeId == theme.Id, cancellationToken)
            ? ServiceResult.Invalid("Theme", $"Illustrations are written for the theme \"{theme.Title}\": change or remove them first")
            : null, cancellationToken);

    public Task<ServiceResult> AddIllustrationAsync(UserAccess actor, Guid qiId, IllustrationInput input, CancellationToken cancellationToken) =>
        AddPartAsync(actor, qiId, "illustration", input, (qi, version) => IllustrationProblemAsync(qi, version, null, input, cancellationToken),
            (qi, position) => new QiIllustration { QualityIndicatorId = qi.Id, Level = input.Level, ThemeId = input.ThemeId, Text = input.Text, Position = position }, cancellationToken);

    public Task<ServiceResult> UpdateIllustrationAsync(UserAccess actor, Guid illustrationId, Guid stamp, IllustrationInput input, CancellationToken cancellationToken) =>
        UpdatePartAsync<QiIllustration>(actor, illustrationId, stamp, "illustration", (qi, version, part) => IllustrationProblemAsync(qi, version, part.Id, input, cancellationToken),
            part => (new { part.Level, part.ThemeId, part.Text }, () => (part.Level, part.ThemeId, part.Text) = (input.Level, input.ThemeId, input.Text), input), cancellationToken);

    public Task<ServiceResult> RemoveIllustrationAsync(UserAccess actor, Guid illustrationId, CancellationToken cancellationToken) =>
        RemovePartAsync<QiIllustration>(actor, illustrationId, "illustration", _ => Task.FromResult<ServiceResult?>(null), cancellationToken);

    public Task<ServiceResult> AddQuestionAsync(UserAccess actor, Guid qiId, string text, CancellationToken cancellationToken) =>
        AddPartAsync(actor, qiId, "question", new { text }, (_, _) => Task.FromResult(TextProblem(("Text", text, FrameworkLimits.QuestionMaxLength, true))),
            (qi, position) => new ChallengeQuestion { QualityIndicatorId = qi.Id, Text = text, Position = position }, cancellationToken);

    public Task<ServiceResult> UpdateQuestionAsync(UserAccess actor, Guid questionId, Guid stamp, string text, CancellationToken cancellationToken) =>
        UpdatePartAsync<ChallengeQuestion>(actor, questionId, stamp, "question", (_, _, _) => Task.FromResult(TextProblem(("Text", text, FrameworkLimits.QuestionMaxLength, true))),
            part => (new { part.Text }, () => part.Text = text, new { text }), cancellationToken);

    public Task<ServiceResult> RemoveQuestionAsync(UserAccess actor, Guid questionId, CancellationToken cancellationToken) =>
        RemovePartAsync<ChallengeQuestion>(actor, questionId, "question", _ => Task.FromResult<ServiceResult?>(null), cancellationToken);

    public Task<ServiceResult> AddEvidenceAsync(UserAccess actor, Guid qiId, EvidenceFamily family, string text, CancellationToken cancellationToken) =>
        AddPartAsync(actor, qiId, "evidence", new { family = family.ToString(), text }, (_, _) => Task.FromResult(TextProblem(("Text", text, FrameworkLimits.EvidenceMaxLength, true))),
            (qi, position) => new SuggestedEvidence { QualityIndicatorId = qi.Id, Family = family, Text = text, Position = position }, cancellationToken);

    public Task<ServiceResult> UpdateEvidenceAsync(UserAccess actor, Guid evidenceId, Guid stamp, EvidenceFamily family, string text, CancellationToken cancellationToken) =>
        UpdatePartAsync<SuggestedEvidence>(actor, evidenceId, stamp, "evidence", (_, _, _) => Task.FromResult(TextProblem(("Text", text, FrameworkLimits.EvidenceMaxLength, true))),
            part => (new { family = part.Family.ToString(), part.Text }, () => (part.Family, part.Text) = (family, text), new { family = family.ToString(), text }), cancellationToken);

    public Task<ServiceResult> RemoveEvidenceAsync(UserAccess actor, Guid evidenceId, CancellationToken cancellationToken) =>
        RemovePartAsync<SuggestedEvidence>(actor, evidenceId, "evidence", _ => Task.FromResult<ServiceResult?>(null), cancellationToken);

    public Task<ServiceResult> MoveThemeAsync(UserAccess actor, Guid id, bool up, CancellationToken cancellationToken) => MovePartAsync<QiTheme>(actor, id, up, cancellationToken);

    public Task<ServiceResult> MoveIllustrationAsync(UserAccess actor, Guid id, bool up, CancellationToken cancellationToken) => MovePartAsync<QiIllustration>(actor, id, up, cancellationToken);

    public Task<ServiceResult> MoveQuestionAsync(UserAccess actor, Guid id, bool up, CancellationToken cancellationToken) => MovePartAsync<ChallengeQuestion>(actor, id, up, cancellationToken);

    public Task<ServiceResult> MoveEvidenceAsync(UserAccess actor, Guid id, bool up, CancellationToken cancellationToken) => MovePartAsync<SuggestedEvidence>(actor, id, up, cancellationToken);

    private async Task<ServiceResult?> ThemeProblemAsync(QualityIndicator qi, Guid? themeId, string title, CancellationToken cancellationToken) =>
        TextProblem(("Text", title, FrameworkLimits.ThemeMaxLength, true)) ?? (await db.QiThemes.AnyAsync(t => t.QualityIndicatorId == qi.Id && t.Id != themeId && t.Title == title, cancellationToken)
            ? ServiceResult.Invalid("Text", $"{qi.Code} already has the theme \"{title}\"")
            : null);

    private async Task<ServiceResult?> IllustrationProblemAsync(QualityIndicator qi, FrameworkVersion version, Guid? illustrationId, IllustrationInput input, CancellationToken cancellationToken)
    {
        if (TextProblem(("Text", input.Text, FrameworkLimits.IllustrationMaxLength, true)) is { } invalid)
        {
            return invalid;
        }

        var levels = await db.ScaleLevels.Where(l => l.ScaleId == version.ScaleId).Select(l => l.Value).ToListAsync(cancellationToken);
        if (!levels.Contains(input.Level))
        {
            return ServiceResult.Invalid("Level", "Choose a level of the framework's scale");
        }

        if (input.ThemeId is { } themeId && !await db.QiThemes.AnyAsync(t => t.Id == themeId && t.QualityIndicatorId == qi.Id, cancellationToken))
        {
            return ServiceResult.Invalid("ThemeId", $"Choose one of the themes of {qi.Code}, or the whole QI");
        }

        return await db.QiIllustrations.AnyAsync(i => i.QualityIndicatorId == qi.Id && i.Id != illustrationId && i.Level == input.Level && i.ThemeId == input.ThemeId, cancellationToken)
            ? ServiceResult.Invalid("Level", $"{qi.Code} already has an illustration of level {input.Level} for {(input.ThemeId is null ? "the whole QI" : "this theme")}: edit that one instead")
            : null;
    }

    private async Task<ServiceResult> AddPartAsync<T>(UserAccess actor, Guid qiId, string kind, object input,
        Func<QualityIndicator, FrameworkVersion, Task<ServiceResult?>> check, Func<QualityIndicator, int, T> create, CancellationToken cancellationToken)
        where T : QiPart
    {
        var qi = await db.QualityIndicators.SingleOrDefaultAsync(q => q.Id == qiId, cancellationToken);
        var (version, refusal) = await DraftAsync(actor, qi?.VersionId, cancellationToken);
        if (version is null)
        {
            return refusal!;
        }

        if (await check(qi!, version) is { } problem)
        {
            return problem;
        }

        var part = create(qi!, await db.Set<T>().CountAsync(p => p.QualityIndicatorId == qiId, cancellationToken));
        db.Set<T>().Add(part);
        return await SaveAsync(actor, $"framework.{kind}-added", version, null, new { qi = qi!.Code, input }, part.Id, cancellationToken);
    }

    /// <summary>Changes a part; <paramref name="change"/> gives its state before, the change to make, and its state after.</summary>
    private async Task<ServiceResult> UpdatePartAsync<T>(UserAccess actor, Guid partId, Guid stamp, string kind,
        Func<QualityIndicator, FrameworkVersion, T, Task<ServiceResult?>> check, Func<T, (object Before, Action Apply, object After)> change, CancellationToken cancellationToken)
        where T : QiPart
    {
        var (part, qi, version, refusal) = await PartAsync<T>(actor, partId, cancellationToken);
        if (part is null)
        {
            return refusal!;
        }

        if (part.ConcurrencyStamp != stamp)
        {
            return ServiceResult.Stale;
        }

        if (await check(qi!, version!, part) is { } problem)
        {
            return problem;
        }

        var (before, apply, after) = change(part);
        apply();
        part.ConcurrencyStamp = Guid.NewGuid();
        return await SaveAsync(actor, $"framework.{kind}-changed", version!, new { qi = qi!.Code, before }, new { qi = qi.Code, after }, part.Id, cancellationToken);
    }

    private async Task<ServiceResult> RemovePartAsync<T>(UserAccess actor, Guid partId, string kind, Func<T, Task<ServiceResult?>> check, CancellationToken cancellationToken)
        where T : QiPart
    {
        var (part, qi, version, refusal) = await PartAsync<T>(actor, partId, cancellationToken);
        if (part is null)
        {
            return refusal!;
        }

        if (await check(part) is { } problem)
        {
            return problem;
        }

        db.Set<T>().Remove(part);
        await RenumberAsync(db.Set<T>().Where(p => p.QualityIndicatorId == qi!.Id && p.Id != partId), cancellationToken);
        return await SaveAsync(actor, $"framework.{kind}-removed", version!, new { qi = qi!.Code, removed = (object)part }, null, null, cancellationToken);
    }

    private async Task<ServiceResult> MovePartAsync<T>(UserAccess actor, Guid partId, bool up, CancellationToken cancellationToken)
        where T : QiPart
    {
        var (part, qi, version, refusal) = await PartAsync<T>(actor, partId, cancellationToken);
        if (part is null)
        {
            return refusal!;
        }

        var siblings = (await db.Set<T>().Where(p => p.QualityIndicatorId == qi!.Id).ToListAsync(cancellationToken)).OrderBy(p => p.Position).ToList();
        Move(siblings, siblings.Single(p => p.Id == partId), up);
        return await SaveAsync(actor, "framework.part-moved", version!, null, new { qi = qi!.Code, moved = partId, direction = up ? "up" : "down" }, partId, cancellationToken);
    }

    private async Task<(T? Part, QualityIndicator? Qi, FrameworkVersion? Version, ServiceResult? Refusal)> PartAsync<T>(UserAccess actor, Guid partId, CancellationToken cancellationToken)
        where T : QiPart
    {
        var part = await db.Set<T>().SingleOrDefaultAsync(p => p.Id == partId, cancellationToken);
        var qi = part is null ? null : await db.QualityIndicators.SingleAsync(q => q.Id == part.QualityIndicatorId, cancellationToken);
        var (version, refusal) = await DraftAsync(actor, qi?.VersionId, cancellationToken);
        return version is null ? (null, null, null, refusal) : (part, qi, version, null);
    }
}

public sealed record IllustrationInput(int Level, Guid? ThemeId, string Text);
