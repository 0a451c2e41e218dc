namespace Pif.Web.Modules.SelfEvaluations;

/// <summary>Where one QI evaluation has got to, from its contributions and agreed record.</summary>
public enum QiProgress
{
    NotStarted,
    InProgress,
    ContributionsComplete,
    Agreed,
}

public static class QiProgressRules
{
    /// <summary>
    /// Agreed once the agreed record has a grade; contributions complete when every assignee has
    /// marked theirs complete; in progress once anyone has written; otherwise not started.
    /// </summary>
    public static QiProgress Of(bool agreed, IReadOnlyCollection<Guid> assignees, IReadOnlyCollection<(Guid Author, bool Complete)> contributions, bool anyWritten)
    {
        ArgumentNullException.ThrowIfNull(assignees);
        ArgumentNullException.ThrowIfNull(contributions);
        if (agreed)
        {
            return QiProgress.Agreed;
        }

        if (assignees.Count > 0 && assignees.All(a => contributions.Any(c => c.Author == a && c.Complete)))
        {
            return QiProgress.ContributionsComplete;
        }

        return anyWritten ? QiProgress.InProgress : QiProgress.NotStarted;
    }

    public static string Label(QiProgress progress) => progress switch
    {
        QiProgress.NotStarted => "Not started",
        QiProgress.InProgress => "In progress",
        QiProgress.ContributionsComplete => "Contributions complete",
        _ => "Agreed",
    };
}
