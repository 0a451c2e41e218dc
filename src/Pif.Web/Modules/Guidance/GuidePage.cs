using Microsoft.AspNetCore.Html;

namespace Pif.Web.Modules.Guidance;

public enum GuidePageKind
{
    Stage,
    Topic,
}

/// <summary>One page of the guide to supported self-evaluation, read from its Markdown file and rendered once.</summary>
public sealed record GuidePage(
    string Slug,
    string Title,
    string Summary,
    GuidePageKind Kind,
    int Order,
    DateOnly Updated,
    IHtmlContent Body,
    IReadOnlyList<(string Id, string Text)> Sections)
{
    /// <summary>The stage this page describes, for stage pages.</summary>
    public GuideStage? Stage => Kind == GuidePageKind.Stage ? (GuideStage)Order : null;
}
