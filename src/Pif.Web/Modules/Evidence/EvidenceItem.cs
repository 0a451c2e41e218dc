namespace Pif.Web.Modules.Evidence;

/// <summary>
/// One piece of a council's evidence, kept once and dated to the period it describes (DOMAIN.md
/// section 6): its kind (and so its triangulation family), who owns it, when to review it, and
/// uploaded files, a link, or both.
/// </summary>
public sealed class EvidenceItem
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 4000;
    public const int SourceMaxLength = 500;
    public const int LinkMaxLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid OrganisationId { get; init; }

    public required string Title { get; set; }

    public EvidenceKind Kind { get; set; }

    public string? Summary { get; set; }

    /// <summary>Where it comes from: the team, survey provider, system or publisher.</summary>
    public string? Source { get; set; }

    /// <summary>The start of the period the evidence describes (not when it was added).</summary>
    public DateOnly EffectiveFrom { get; set; }

    public DateOnly EffectiveTo { get; set; }

    /// <summary>The user of the council who keeps it current.</summary>
    public required Guid OwnerId { get; set; }

    public DateOnly? ReviewDate { get; set; }

    /// <summary>An address on the web or the council's intranet, for evidence kept elsewhere.</summary>
    public string? Link { get; set; }

    public DateTime AddedAt { get; init; }

    public required Guid AddedById { get; init; }

    public DateTime UpdatedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<EvidenceFile> Files { get; init; } = [];
}

/// <summary>An uploaded file of an evidence item; its bytes are in <see cref="FileChunk"/>s.</summary>
public sealed class EvidenceFile
{
    public const int NameMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid EvidenceItemId { get; init; }

    /// <summary>The name it was uploaded with, made safe (no folders, no control or reserved characters).</summary>
    public required string FileName { get; init; }

    /// <summary>The type detected from the bytes, which the extension agrees with.</summary>
    public required string ContentType { get; init; }

    public long Length { get; set; }

    public int Chunks { get; set; }

    public DateTime UploadedAt { get; init; }

    public required Guid UploadedById { get; init; }
}

/// <summary>A 1 MiB piece of a file (DESIGN.md section 4): written and read in order, so no request holds a whole file twice.</summary>
public sealed class FileChunk
{
    public const int Size = 1024 * 1024;

    public Guid FileId { get; init; }

    public int Index { get; init; }

    public required byte[] Data { get; init; }
}

/// <summary>An evidence item supporting one QI evaluation: the link belongs to the Evidence module.</summary>
public sealed class EvidenceLink
{
    public Guid EvidenceItemId { get; init; }

    public Guid QiEvaluationId { get; init; }

    public DateTime LinkedAt { get; init; }

    public required Guid LinkedById { get; init; }
}
