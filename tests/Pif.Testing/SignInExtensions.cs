using System.Net;
using System.Text.RegularExpressions;

namespace Pif.Testing;

public static partial class SignInExtensions
{
    /// <summary>The antiforgery token of the form on a page, as a browser would post it back.</summary>
    public static async Task<string> GetFormTokenAsync(this HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(path);
        return FormToken().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {path}.");
    }

    /// <summary>Posts a form with a fresh antiforgery token from the same page.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, params (string Name, string Value)[] fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        var token = await client.GetFormTokenAsync(path);
        var content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
        return await client.PostAsync(path, content);
    }

    /// <summary>Signs the client in; fails the test if Pif does not accept the password.</summary>
    public static async Task SignInAsync(this HttpClient client, string email, string password = PifWebFactory.DemoPassword)
    {
        var response = await client.PostFormAsync("/sign-in", ("Input.Email", email), ("Input.Password", password));
        if (response.RequestMessage?.RequestUri?.AbsolutePath is "/sign-in")
        {
            throw new InvalidOperationException($"Signing in as {email} failed ({(int)response.StatusCode}).");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
