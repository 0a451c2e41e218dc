using System.IO.Compression;
using System.Text;

namespace Pif.Web.Modules.Evidence;

/// <summary>
/// The file types evidence may be, detected from the bytes: the extension must agree with what the
/// contents are, so a program renamed ".pdf" is refused. Everything else is refused with the list.
/// </summary>
public static class FileTypes
{
    public const string Allowed = "a PDF, a PNG or JPEG image, a Word document (.docx), an Excel workbook (.xlsx), or a CSV or plain text file";

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The content type of an allowed file, or the reason it is refused. The stream must be seekable; it is left at its start.</summary>
    public static (string? ContentType, string? Problem) Detect(Stream content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (content.Length == 0)
        {
            return (null, $"{fileName} is empty: choose the file again, or a file with something in it");
        }

        try
        {
            var (type, kind, matches) = extension switch
            {
                ".pdf" => ("application/pdf", "PDF", StartsWith(content, Pdf)),
                ".png" => ("image/png", "PNG image", StartsWith(content, Png)),
                ".jpg" or ".jpeg" => ("image/jpeg", "JPEG image", StartsWith(content, Jpeg)),
                ".docx" => ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document", ZipWith(content, "word/document.xml")),
                ".xlsx" => ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel workbook", ZipWith(content, "xl/workbook.xml")),
                ".csv" => ("text/csv", "CSV file", IsText(content)),
                ".txt" => ("text/plain", "text file", IsText(content)),
                _ => (null, null, false),
            };
            if (type is null)
            {
                return (null, $"{fileName} is not a type of file Pif keeps: upload {Allowed}");
            }

            return matches ? (type, null) : (null, $"{fileName} is not a real {kind}: its contents are something else. Upload {Allowed}");
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static bool StartsWith(Stream content, byte[] signature)
    {
        content.Position = 0;
        Span<byte> start = stackalloc byte[signature.Length];
        return content.ReadAtLeast(start, signature.Length, throwOnEndOfStream: false) == signature.Length && start.SequenceEqual(signature);
    }

    /// <summary>Real Word and Excel files hold a few hundred parts at most; far more is not an Office file.</summary>
    private const int MaxZipEntries = 10_000;

    /// <summary>An Office file is a ZIP holding its main part; any other ZIP is refused. Only the list of entries is read, never their contents.</summary>
    private static bool ZipWith(Stream content, string part)
    {
        if (!StartsWith(content, Zip) || EntryCount(content) is not (> 0 and <= MaxZipEntries))
        {
            return false;
        }

        content.Position = 0;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return zip.Entries.Any(e => e.FullName == part);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The number of entries the ZIP's end-of-central-directory record declares, or -1 when there is none.</summary>
    private static int EntryCount(Stream content)
    {
        // The record is 22 bytes and may be followed by a comment of up to 64 KiB.
        var length = (int)Math.Min(content.Length, 22 + ushort.MaxValue);
        var tail = new byte[length];
        content.Position = content.Length - length;
        content.ReadExactly(tail);
        for (var i = length - 22; i >= 0; i--)
        {
            if (tail[i] == 0x50 && tail[i + 1] == 0x4B && tail[i + 2] == 0x05 && tail[i + 3] == 0x06)
            {
                return tail[i + 10] | (tail[i + 11] << 8);
            }
        }

        return -1;
    }

    /// <summary>Valid UTF-8 (a byte-order mark is allowed) with no NUL bytes, read a buffer at a time.</summary>
    private static bool IsText(Stream content)
    {
        content.Position = 0;
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[bytes.Length + 4];
        try
        {
            int read;
            while ((read = content.Read(bytes, 0, bytes.Length)) > 0)
            {
                if (bytes.AsSpan(0, read).Contains((byte)0))
                {
                    return false;
                }

                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
