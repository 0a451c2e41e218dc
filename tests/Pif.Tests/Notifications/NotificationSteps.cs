using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pif.Testing;
using Pif.Web.Infrastructure.Jobs;
using Pif.Web.Modules.Notifications;

namespace Pif.Tests.Notifications;

/// <summary>Hosts that send mail to a test server, with the scheduler off so each test runs the jobs itself, and what people were told.</summary>
internal static class NotificationSteps
{
    public const string Inspector = "inspector@pif.example";
    public const string Viewer = "viewer.glasgow@pif.example";
    public const string FifeLead = "lead.fife@pif.example";

    /// <summary>A host whose e-mail goes to <paramref name="mail"/>; its clock is <paramref name="clock"/> when given.</summary>
    public static PifWebFactory Host(TestMailServer mail, FakeTimeProvider? clock = null, TestDatabase? database = null)
    {
        var factory = database is null ? new PifWebFactory() : PifWebFactory.For(database);
        factory.RunsScheduler = false;
        foreach (var (key, value) in mail.Settings)
        {
            factory.With(key, value);
        }

        if (clock is not null)
        {
            factory.ExtraServices = services => services.AddSingleton<TimeProvider>(clock);
        }

        return factory;
    }

    /// <summary>A clock at <paramref name="start"/> that moves a millisecond each time it is read, so records keep their order.</summary>
    public static FakeTimeProvider Clock(DateTimeOffset start) => new(start) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    public static async Task RunAsync<TJob>(PifWebFactory factory)
        where TJob : IBackgroundJob
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TJob>().RunAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>What the person with <paramref name="email"/> has been told, oldest first.</summary>
    public static Task<List<Notification>> OfAsync(PifWebFactory factory, string email) =>
        factory.QueryAsync(db => db.Notifications.AsNoTracking()
            .Where(n => db.Users.Any(u => u.Id == n.UserId && u.Email == email)).OrderBy(n => n.CreatedAt).ToListAsync());

    public static async Task<List<NotificationKind>> KindsAsync(PifWebFactory factory, string email) =>
        [.. (await OfAsync(factory, email)).Select(n => n.Kind)];

    public static Task SetAsync(PifWebFactory factory, string email, NotificationKind kind, EmailDelivery delivery) =>
        factory.QueryAsync(async db =>
        {
            var user = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            db.NotificationPreferences.Add(new NotificationPreference { UserId = user, Kind = kind, Delivery = delivery });
            return await db.SaveChangesAsync();
        });
}
