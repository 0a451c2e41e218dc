using Microsoft.Extensions.Options;
using Pif.Web.Infrastructure.Jobs;

namespace Pif.Web.Modules.Notifications;

public static class NotificationsSetup
{
    /// <summary>
    /// Notifications, their e-mail (<c>Mail:*</c>) and the jobs that send it: the outbox every 15 seconds, the weekly
    /// digest's check every 15 minutes, the clean-up of notifications older than 180 days every 6 hours.
    /// </summary>
    public static WebApplicationBuilder AddPifNotifications(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var development = builder.Environment.IsDevelopment();
        var root = builder.Environment.ContentRootPath;
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName)
            .PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.Host) && development)
                {
                    o.PickupDirectory = Path.GetFullPath(Path.Combine(root, string.IsNullOrWhiteSpace(o.PickupDirectory) ? MailOptions.DefaultPickupDirectory : o.PickupDirectory));
                }
                else if (!development)
                {
                    // The pickup folder is for trying Pif out; a real service sends through its mail server or not at all.
                    o.PickupDirectory = null;
                }
            })
            .Validate(o => string.IsNullOrWhiteSpace(o.Host) || development || o.SiteAddress is { IsAbsoluteUri: true },
                "Mail:SiteAddress (the service's public https:// address) is required when Mail:Host is set: e-mails link back to Pif.")
            .Validate(o => !o.Sends || MimeKit.MailboxAddress.TryParse(o.From, out _), "Mail:From must be an e-mail address, such as \"Pif <pif@council.gov.uk>\".")
            .ValidateOnStart();
        builder.Services.AddSingleton<IMailTransport, ConfiguredMailTransport>();
        builder.Services.AddSingleton<UnsubscribeTokens>();
        builder.Services.AddScoped<NotificationMail>();
        builder.Services.AddScoped<Notifier>();
        builder.Services.AddScoped<NotificationsService>();
        builder.Services.AddRecurringJob<NotificationMailer>(TimeSpan.FromSeconds(15));
        builder.Services.AddRecurringJob<WeeklyDigest>(TimeSpan.FromMinutes(15));
        builder.Services.AddRecurringJob<NotificationCleanup>(TimeSpan.FromHours(6));
        return builder;
    }
}
