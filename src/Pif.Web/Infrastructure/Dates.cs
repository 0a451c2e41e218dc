using System.Globalization;

namespace Pif.Web.Infrastructure;

/// <summary>Dates as people in Scotland read them, in Europe/London time.</summary>
public static class Dates
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A UTC time as its London date: "25 November 2026".</summary>
    public static string LondonDate(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London).ToString("d MMMM yyyy", British);
}
