using System.Security.Cryptography.X509Certificates;

namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>Loads the bot's client certificate for <c>Teams:Credential=Certificate</c>: a PFX or PEM file, or a store thumbprint.</summary>
public static class TeamsCertificateLoader
{
    /// <summary>
    /// The certificate named by <see cref="TeamsOptions.CertificatePath"/> (PFX, or PEM with the certificate and its private key,
    /// optionally encrypted with <see cref="TeamsOptions.CertificatePassword"/>) or by <see cref="TeamsOptions.CertificateThumbprint"/>
    /// in the current user's <c>My</c> store. Throws <see cref="BotFrameworkTokenException"/> when it is missing or has no private key.
    /// </summary>
    public static X509Certificate2 Load(TeamsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var certificate = !string.IsNullOrWhiteSpace(options.CertificatePath) ? FromFile(options.CertificatePath, options.CertificatePassword)
            : !string.IsNullOrWhiteSpace(options.CertificateThumbprint) ? FromStore(options.CertificateThumbprint)
            : throw new BotFrameworkTokenException("Teams:Credential=Certificate needs Teams:CertificatePath or Teams:CertificateThumbprint.");
        return certificate.HasPrivateKey
            ? certificate
            : throw new BotFrameworkTokenException($"The Teams certificate {certificate.Thumbprint} has no private key.");
    }

    private static X509Certificate2 FromFile(string path, string? password)
    {
        var text = File.ReadAllText(path);
        if (text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            return string.IsNullOrEmpty(password) ? X509Certificate2.CreateFromPemFile(path) : X509Certificate2.CreateFromEncryptedPemFile(path, password);
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
    }

    private static X509Certificate2 FromStore(string thumbprint)
    {
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadOnly);
        var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint.Replace(" ", "", StringComparison.Ordinal), validOnly: false);
        return found.Count > 0
            ? found[0]
            : throw new BotFrameworkTokenException($"No certificate with thumbprint {thumbprint} in the current user's My store.");
    }
}
