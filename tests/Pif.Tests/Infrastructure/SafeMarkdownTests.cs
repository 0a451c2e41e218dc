using AngleSharp.Html.Parser;
using Pif.Web.Infrastructure;

namespace Pif.Tests.Infrastructure;

/// <summary>Markdown that people write is rendered safe: a list of known cross-site scripting payloads, and what must still work.</summary>
public sealed class SafeMarkdownTests
{
    private static readonly string[] Allowed = ["p", "br", "hr", "h3", "h4", "h5", "h6", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td"];

    public static TheoryData<string> Payloads() =>
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<a href=\"&#106;avascript:alert(1)\">click</a>",
        "<div onclick=\"alert(1)\">click</div>",
        "<style>body{display:none}</style>",
        "<form action=\"https://evil.example\"><input name=p></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
        "<details open ontoggle=alert(1)>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](java\tscript:alert(1))",
        "[click](  javascript:alert(1))",
        "[click](&#106;avascript:alert(1))",
        "[click](vbscript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[click](data:text/html,<script>alert(1)</script>)",
        "![image](javascript:alert(1))",
        "![image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![image](https://evil.example/track.png)",
        "<javascript:alert(1)>",
        "[click][x]\n\n[x]: javascript:alert(1)",
        "# Heading {onclick=alert(1)}",
        "[click](https://example.org \"title\" onmouseover=alert(1))",
        "`<script>alert(1)</script>`",
        "<!-- <script>alert(1)</script> -->",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    ];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Payload_IsRenderedWithoutAnythingThatRuns(string markdown)
    {
        var html = SafeMarkdown.UserText(markdown).ToString()!;
        var body = new HtmlParser().ParseDocument($"<body>{html}</body>").Body!;

        Assert.All(body.QuerySelectorAll("*"), element =>
        {
            Assert.Contains(element.LocalName, Allowed);
            Assert.All(element.Attributes, attribute =>
            {
                Assert.Contains(attribute.Name, (string[])["href", "title", "class", "start"]);
                if (attribute.Name == "href")
                {
                    Assert.Matches("^(https?:|mailto:|/|#)", attribute.Value.Trim());
                }

                if (attribute.Name == "class")
                {
                    Assert.Equal("ds_table", attribute.Value);
                }
            });
        });
    }

    [Fact]
    public void RawHtml_IsShownAsText()
    {
        var html = SafeMarkdown.UserText("Use <b>bold</b> & <script>x</script>").ToString();

        Assert.Equal("<p>Use &lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;</p>", html!.Trim());
    }

    [Fact]
    public void Markdown_StillWorks()
    {
        var html = SafeMarkdown.UserText("# Results\n\nWaiting fell from **12** to *8* weeks ([data](https://example.org/data)).\n\n| Year | Weeks |\n| --- | --- |\n| 2024 | 12 |\n\n* one\n* two\n\n1. first\n2. ~~second~~").ToString()!;
        var body = new HtmlParser().ParseDocument($"<body>{html}</body>").Body!;

        Assert.Equal("Results", body.QuerySelector("h3")!.TextContent);
        Assert.Null(body.QuerySelector("h3")!.GetAttribute("id"));
        Assert.Equal("12", body.QuerySelector("strong")!.TextContent);
        Assert.Equal("https://example.org/data", body.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("ds_table", body.QuerySelector("table")!.ClassName);
        Assert.Equal(2, body.QuerySelectorAll("ul li").Length);
        Assert.Equal("second", body.QuerySelector("ol del")!.TextContent);
    }

    [Fact]
    public void Headings_StartWhereThePageAsks_AndStopAtSix()
    {
        var html = SafeMarkdown.UserText("# One\n\n#### Four\n\n###### Six", topHeading: 2).ToString()!;

        Assert.Contains("<h2>One</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h5>Four</h5>", html, StringComparison.Ordinal);
        Assert.Contains("<h6>Six</h6>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void GuideText_KeepsHeadingIds_ForItsContentsList()
    {
        const string Markdown = "## What good evidence looks like\n\nText.\n\n## Who's involved?\n\n### Detail";

        var html = SafeMarkdown.Guide(Markdown).ToString()!;

        Assert.Contains("<h2 id=\"what-good-evidence-looks-like\">", html, StringComparison.Ordinal);
        Assert.Equal([("what-good-evidence-looks-like", "What good evidence looks like"), ("who-s-involved", "Who's involved?")], SafeMarkdown.GuideHeadings(Markdown));
    }
}
