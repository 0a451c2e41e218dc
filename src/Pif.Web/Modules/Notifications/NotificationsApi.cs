using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.Notifications;

/// <summary>The Notifications module's part of /api/v1: the caller's own notifications.</summary>
public static class NotificationsApi
{
    private static readonly ApiWording Wording = new(
        NotSaved: "The notification was not changed",
        NotFound: "There is no notification of yours with that id.",
        Forbidden: "You may not read notifications.");

    public sealed record NotificationView(Guid Id, string Kind, string Text, DateTime CreatedAt, DateTime? ReadAt, string Link);

    public sealed record NotificationPage(IReadOnlyList<NotificationView> Notifications, int Total, int Page, int PageSize);

    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("").WithTags("Notifications");
        group.MapGet("/notifications", ListAsync).WithName("ListNotifications")
            .WithSummary("Your notifications, newest first, 25 a page: kind (one of the kinds) and unread=true narrow them; link is the page within Pif each is about")
            .Produces<NotificationPage>().ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapPost("/notifications/{id:guid}/read", ReadAsync).WithName("MarkNotificationRead")
            .WithSummary("Marks one of your notifications read (reading it again changes nothing)")
            .Produces<NotificationView>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(string? kind, bool? unread, int? page, CurrentUser current, NotificationsService notifications, CancellationToken cancellationToken)
    {
        NotificationKind? only = null;
        if (!string.IsNullOrEmpty(kind))
        {
            if (!Enum.TryParse<NotificationKind>(kind, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(kind, out _))
            {
                return ApiResults.Problems(StatusCodes.Status400BadRequest,
                    [new FieldProblem("kind", $"Give one of the kinds: {string.Join(", ", Enum.GetNames<NotificationKind>())}")], Wording);
            }

            only = parsed;
        }

        if (page is < 1 or > 100_000)
        {
            return ApiResults.Problems(StatusCodes.Status400BadRequest, [new FieldProblem("page", "Give a page number of 1 or more")], Wording);
        }

        var access = (await current.GetAccessAsync(cancellationToken))!;
        var (rows, total) = await notifications.ListAsync(access, only, unread == true, page ?? 1, cancellationToken);
        return Results.Ok(new NotificationPage(rows.Select(View).ToList(), total, page ?? 1, NotificationsService.PageSize));
    }

    private static async Task<IResult> ReadAsync(Guid id, CurrentUser current, NotificationsService notifications, CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var (result, _) = await notifications.ReadAsync(access, id, cancellationToken);
        return await result.AnswerAsync(async _ => Results.Ok(View((await notifications.FindAsync(access, id, cancellationToken))!)), Wording);
    }

    private static NotificationView View(NotificationsService.Row row) => new(row.Id, row.Kind.ToString(), row.Text, row.CreatedAt, row.ReadAt, row.Link);
}
