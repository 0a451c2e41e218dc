using Ganss.Xss;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Microsoft.AspNetCore.Html;

namespace Pif.Web.Infrastructure;

/// <summary>
/// Markdown to HTML that is safe to put on a page: Markdig with raw HTML turned off, then
/// HtmlSanitizer with a short list of tags and only web and mail links (DESIGN.md section 1).
/// Both steps run, so a gap in one is closed by the other.
/// </summary>
public static class SafeMarkdown
{
    private const string TableClass = "ds_table";

    // Raw HTML is shown as text; no extension that lets Markdown set attributes (generic attributes) is used.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .Build();

    private static readonly HtmlSanitizer UserSanitizer = Sanitizer(allowIds: false);

    private static readonly HtmlSanitizer GuideSanitizer = Sanitizer(allowIds: true);

    /// <summary>
    /// Text people write (case studies, long answers): headings start at <paramref name="topHeading"/>
    /// so they sit under the page's own, and carry no ids, so they cannot collide with the page's.
    /// </summary>
    public static IHtmlContent UserText(string? markdown, int topHeading = 3) =>
        new HtmlString(UserSanitizer.Sanitize(ToHtml(markdown ?? "", topHeading, headingIds: false)));

    /// <summary>
    /// The guide's own pages, from the repository: written with "##" for sections under the
    /// page's title, and headings carry ids for the contents list.
    /// </summary>
    public static IHtmlContent Guide(string markdown) =>
        new HtmlString(GuideSanitizer.Sanitize(ToHtml(markdown, topHeading: 1, headingIds: true)));

    /// <summary>The words of Markdown without its markup, for search indexes and snippets.</summary>
    public static string PlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToPlainText(markdown, Pipeline).Trim();

    /// <summary>The sections of a guide page (its "##" headings), with their ids, for its contents list.</summary>
    public static IReadOnlyList<(string Id, string Text)> GuideHeadings(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        return [.. document.Descendants<HeadingBlock>().Where(h => h.Level == 2).Select(h => (HeadingId(h), HeadingText(h)))];
    }

    private static string ToHtml(string markdown, int topHeading, bool headingIds)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            if (headingIds)
            {
                heading.GetAttributes().Id = HeadingId(heading);
            }

            heading.Level = Math.Min(6, heading.Level + topHeading - 1);
        }

        foreach (var table in document.Descendants<Table>())
        {
            table.GetAttributes().AddClass(TableClass);
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static string HeadingText(HeadingBlock heading) =>
        string.Concat(heading.Inline?.Descendants<Markdig.Syntax.Inlines.LiteralInline>().Select(l => l.Content.ToString()) ?? []);

    /// <summary>"What good evidence looks like" → "what-good-evidence-looks-like".</summary>
    private static string HeadingId(HeadingBlock heading)
    {
        var text = HeadingText(heading).ToLowerInvariant();
        var id = new string([.. text.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
        while (id.Contains("--", StringComparison.Ordinal))
        {
            id = id.Replace("--", "-", StringComparison.Ordinal);
        }

        return id.Trim('-');
    }

    private static HtmlSanitizer Sanitizer(bool allowIds)
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(
                ["p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "code", "pre", "blockquote",
                 "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td"],
                StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(allowIds ? ["href", "title", "class", "id", "start"] : ["href", "title", "class", "start"], StringComparer.OrdinalIgnoreCase),
            AllowedClasses = new HashSet<string>([TableClass], StringComparer.Ordinal),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        };
        return new HtmlSanitizer(options) { KeepChildNodes = true };
    }
}
