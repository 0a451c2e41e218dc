namespace Pif.Web.Modules.Reports;

/// <summary>The national overview's words, shared by its page and its workbook.</summary>
public static class NationalWording
{
    /// <summary>How a link inspector moved a council's grade, in words: "Lowered by 1 level", "Agreed", "Raised by 2 levels".</summary>
    public static string Move(int difference) => difference switch
    {
        0 => "Agreed",
        < 0 => $"Lowered by {Levels(-difference)}",
        _ => $"Raised by {Levels(difference)}",
    };

    private static string Levels(int n) => n == 1 ? "1 level" : $"{n} levels";
}
