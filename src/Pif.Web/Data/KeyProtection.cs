using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Pif.Web.Data;

/// <summary>
/// Encrypts the data-protection keys stored in the database with a certificate from configuration:
/// <c>DataProtection:CertificatePath</c> (a .pfx, with <c>DataProtection:CertificatePassword</c>) or
/// <c>DataProtection:CertificatePemPath</c> and <c>DataProtection:KeyPemPath</c>. Production refuses
/// to start without one, since anyone who read the table could otherwise forge sign-in cookies.
/// </summary>
internal static class KeyProtection
{
    public const string MissingMessage =
        "In Production Pif encrypts its data-protection keys with a certificate, and none is configured. " +
        "Set DataProtection:CertificatePath to a .pfx file (and DataProtection:CertificatePassword), or " +
        "DataProtection:CertificatePemPath and DataProtection:KeyPemPath to a PEM certificate and its private key. " +
        "The README's \"Run it in production\" section says how to make one.";

    public static IDataProtectionBuilder ProtectKeys(this IDataProtectionBuilder builder, IConfiguration configuration, IHostEnvironment environment)
    {
        var certificate = Load(configuration);
        if (certificate is not null)
        {
            return builder.ProtectKeysWithCertificate(certificate);
        }

        return environment.IsProduction() ? throw new InvalidOperationException(MissingMessage) : builder;
    }

    private static X509Certificate2? Load(IConfiguration configuration)
    {
        var section = configuration.GetSection("DataProtection");
        var pfx = section["CertificatePath"];
        var pem = section["CertificatePemPath"];
        try
        {
            if (!string.IsNullOrWhiteSpace(pfx))
            {
                return X509CertificateLoader.LoadPkcs12FromFile(pfx, section["CertificatePassword"]);
            }

            if (!string.IsNullOrWhiteSpace(pem))
            {
                var key = section["KeyPemPath"];
                return string.IsNullOrWhiteSpace(key)
                    ? throw new InvalidOperationException("DataProtection:CertificatePemPath is set but DataProtection:KeyPemPath is not: give the private key's PEM file too.")
                    : X509Certificate2.CreateFromPemFile(pem, key);
            }
        }
        catch (Exception e) when (e is IOException or System.Security.Cryptography.CryptographicException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The data-protection certificate could not be read ({e.Message}). Check DataProtection:CertificatePath and its password, or the PEM paths.", e);
        }

        return null;
    }
}
