using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Pif.Testing;

/// <summary>A self-signed certificate in a .pfx file, made once per test run, for hosts that run as Production.</summary>
public static class TestCertificate
{
    public const string Password = "pif-test-certificate";

    private static readonly Lazy<string> File = new(() =>
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Pif test data protection", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pif-test-{Guid.NewGuid():N}.pfx");
        System.IO.File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    });

    public static string Path => File.Value;

    /// <summary>Lets a host run as Production: its data-protection keys are encrypted with the test certificate.</summary>
    public static PifWebFactory WithKeyCertificate(this PifWebFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.With("DataProtection:CertificatePath", Path).With("DataProtection:CertificatePassword", Password);
    }
}
