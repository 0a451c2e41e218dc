using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Pif.Testing;

namespace Pif.Tests.Evidence;

/// <summary>Adding evidence as people do, through the page's multipart form, and the files the tests upload.</summary>
internal static partial class EvidenceSteps
{
    public static byte[] Pdf => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    public static byte[] Jpeg => [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0];

    /// <summary>A Windows program: what a renamed .exe starts with.</summary>
    public static byte[] Exe => [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF];

    public static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
                writer.Write("<xml/>");
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Posts the add form with its fields and files; returns the response (a redirect is followed).</summary>
    public static async Task<HttpResponseMessage> AddAsync(HttpClient client, string title, string kind = "StaffSurvey", params (string Name, byte[] Bytes)[] files)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.Title"] = title,
            ["Form.Kind"] = kind,
            ["Form.Summary"] = "Most staff feel supported.",
            ["Form.Source"] = "Workforce team",
            ["Form.EffectiveFrom"] = "2026-01-01",
            ["Form.EffectiveTo"] = "2026-03-31",
            ["Form.ReviewDate"] = "2027-01-31",
            ["Form.Link"] = "",
        };
        return await PostMultipartAsync(client, "/evidence/add", fields, files);
    }

    public static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string path, IReadOnlyDictionary<string, string> fields, (string Name, byte[] Bytes)[] files, string tokenFrom = "")
    {
        var page = await client.GetStringAsync(tokenFrom.Length > 0 ? tokenFrom : path);
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        var owner = Owner().Match(page) is { Success: true } selected ? selected.Groups[1].Value : null;
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        if (owner is not null && !fields.ContainsKey("Form.OwnerId"))
        {
            content.Add(new StringContent(owner), "Form.OwnerId");
        }

        if (Council().Match(page) is { Success: true } council && !fields.ContainsKey("Form.OrganisationId"))
        {
            content.Add(new StringContent(council.Groups[1].Value), "Form.OrganisationId");
        }

        foreach (var (name, bytes) in files)
        {
            content.Add(new ByteArrayContent(bytes), "Files", name);
        }

        content.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync(path, content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("<option value=\"([0-9a-f-]{36})\" selected=\"selected\">")]
    private static partial Regex Owner();

    [GeneratedRegex("type=\"hidden\" name=\"Form.OrganisationId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex Council();
}
