using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pif.Testing;
using Pif.Web.Modules.Notifications;

namespace Pif.BrowserTests;

/// <summary>
/// A contributor is assigned a quality indicator: they see the unread count in the header, open the notification and
/// land on the QI page; they choose a weekly e-mail for assignments; signed out, the unsubscribe link of an e-mail they
/// were sent stops those e-mails. With JavaScript on and off, and axe on every page.
/// </summary>
public sealed class NotificationJourney(BrowserFixture browser) : IAsyncLifetime
{
    private const string Contributor = "contributor1.glasgow@pif.example";
    private TestMailServer mail = null!;
    private PifWebFactory factory = null!;
    private Uri host = null!;
    private Guid id;
    private Guid qi;

    public async ValueTask InitializeAsync()
    {
        mail = await TestMailServer.StartAsync();
        factory = new PifWebFactory { RunsScheduler = false };
        foreach (var (key, value) in mail.Settings)
        {
            factory.With(key, value);
        }

        host = BrowserFixture.Serve(factory);
        id = await TestData.StartSelfEvaluationAsync(factory, EvaluationSteps.Lead, "Notified journey 2026");
        await TestData.ScopeAssignAndBeginAsync(factory, EvaluationSteps.Lead, id, ["2.1"], [Contributor]);
        qi = (await EvaluationSteps.QiEvaluationsAsync(factory, id))["2.1"];
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        await mail.DisposeAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AContributor_OpensTheirNotification_ChoosesWeeklyEmail_AndUnsubscribesSignedOut(bool javaScript)
    {
        await using var context = await browser.NewContextAsync(javaScript, host: host);
        var page = await context.NewPageAsync();
        await page.SignInAsync(Contributor);
        var link = page.Locator(".pif-account__notifications");
        await Assertions.Expect(link).ToHaveTextAsync("Notifications2 unread");

        await link.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Notifications");
        await page.AssertNoViolationsAsync(browser, javaScript);
        await page.GetByRole(AriaRole.Link, new() { Name = "asked to write on quality indicator 2.1" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(host, $"/self-evaluations/{id}/qis/{qi}").ToString());
        await Assertions.Expect(link).ToHaveTextAsync("Notifications1 unread");

        await page.GotoAsync("/notifications/settings");
        await page.AssertNoViolationsAsync(browser, javaScript);
        // The design system draws its own radio over the input: a person clicks the label.
        await page.Locator("label[for='QisAssigned-Weekly']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save your choices" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ds_notification-panel__title")).ToHaveTextAsync("Your e-mail choices are saved");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "You are assigned quality indicators" }).GetByLabel("Weekly")).ToBeCheckedAsync();

        // The e-mail that went at once (the self-evaluation began) carries the link; opened signed out, it asks, then stops them.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NotificationMailer>().RunAsync(TestContext.Current.CancellationToken);
        }

        var message = Assert.Single(mail.To(Contributor));
        Assert.Contains("has begun", message.Subject, StringComparison.Ordinal);
        var unsubscribe = new Uri(message.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        await using var signedOut = await browser.NewContextAsync(javaScript, host: host);
        var stranger = await signedOut.NewPageAsync();
        await stranger.GotoAsync(unsubscribe.PathAndQuery);
        await Assertions.Expect(stranger.Locator("h1")).ToHaveTextAsync("Stop these e-mails");
        await stranger.AssertNoViolationsAsync(browser, javaScript);
        await stranger.GetByRole(AriaRole.Button, new() { Name = "Stop these e-mails" }).ClickAsync();
        await Assertions.Expect(stranger.Locator("h1")).ToHaveTextAsync("E-mails stopped");
        await stranger.AssertNoViolationsAsync(browser, javaScript);

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "A self-evaluation you take part in begins" }).GetByLabel("Never")).ToBeCheckedAsync();
    }
}
