using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChatEscalation.Bot.Teams.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>
/// Outbound tokens through MSAL with a certificate (<c>Teams:Credential=Certificate</c>), against the local token endpoint, which
/// checks the signed client assertion as Entra ID does and refuses anything else with 401 <c>invalid_client</c>.
/// </summary>
public sealed class TeamsCertificateCredentialTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("chatescalation-cert-").FullName;
    private readonly X509Certificate2 registered = CreateCertificate("CN=ChatEscalation bot");
    private LocalTeamsConnector fake = null!;

    public async Task InitializeAsync()
    {
        fake = await LocalTeamsConnector.StartAsync();
        // MSAL addresses the assertion to the token endpoint as it knows it: the https form of the loopback endpoint.
        var audience = MsalTokenSource.AuthorityOf(fake.TokenEndpoint) + TeamsOptions.TokenPathSuffix;
        fake.CredentialCheck = request => ClientAssertionCheck.Refusal(request, registered, TeamsTestHost.AppId, audience);
    }

    public async Task DisposeAsync()
    {
        await fake.DisposeAsync();
        registered.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Send_CertificateFromPfx_TokenRequestCarriesSignedAssertionAndNoSecret()
    {
        var pfx = Path.Combine(folder, "bot.pfx");
        await File.WriteAllBytesAsync(pfx, registered.Export(X509ContentType.Pkcs12, "pfx-pass"));
        await using var services = Services(new() { ["Teams:CertificatePath"] = pfx, ["Teams:CertificatePassword"] = "pfx-pass" });

        await services.GetRequiredService<ITeamsConnector>().SendToConversationAsync(fake.ServiceUrl, "a:1", Activity.TextMessage("hi"));

        fake.TokenRequests.ShouldHaveSingleItem().Body.ShouldContain("client_assertion=");
        fake.ConnectorRequests.ShouldHaveSingleItem().Authorization.ShouldBe("Bearer token-1");
    }

    [Fact]
    public async Task Send_CertificateFromPemFile_Accepted()
    {
        var pem = Path.Combine(folder, "bot.pem");
        using (var rsa = registered.GetRSAPrivateKey()!)
        {
            await File.WriteAllTextAsync(pem, registered.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem());
        }

        await using var services = Services(new() { ["Teams:CertificatePath"] = pem });

        await services.GetRequiredService<ITeamsConnector>().SendToConversationAsync(fake.ServiceUrl, "a:1", Activity.TextMessage("hi"));

        fake.ConnectorRequests.ShouldHaveSingleItem().Authorization.ShouldBe("Bearer token-1");
    }

    [Fact]
    public async Task Send_CertificateNotRegistered_TokenRefusedAndNothingSentToTheConnector()
    {
        using var stranger = CreateCertificate("CN=someone else");
        var pfx = Path.Combine(folder, "stranger.pfx");
        await File.WriteAllBytesAsync(pfx, stranger.Export(X509ContentType.Pkcs12, ""));
        await using var services = Services(new() { ["Teams:CertificatePath"] = pfx });

        var ex = await Should.ThrowAsync<BotFrameworkTokenException>(() =>
            services.GetRequiredService<ITeamsConnector>().SendToConversationAsync(fake.ServiceUrl, "a:1", Activity.TextMessage("hi")));

        ex.Message.ShouldContain("invalid_client");
        fake.TokenRequests.Count.ShouldBe(1);
        fake.ConnectorRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Send_SecretWhereTheEndpointExpectsACertificate_Refused()
    {
        await using var services = Services(new() { ["Teams:Credential"] = "Secret" });

        await Should.ThrowAsync<BotFrameworkTokenException>(() =>
            services.GetRequiredService<ITeamsConnector>().SendToConversationAsync(fake.ServiceUrl, "a:1", Activity.TextMessage("hi")));
        fake.ConnectorRequests.ShouldBeEmpty();
    }

    private ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var all = TeamsTestHost.Settings(TeamsTestHost.AppId, null, fake);
        all["Teams:Credential"] = "Certificate";
        foreach (var (key, value) in settings) all[key] = value;
        if (all["Teams:Credential"] == "Certificate") all["Teams:AppPassword"] = null;
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(TeamsTestHost.T0))
            .AddTeamsAdapter(new ConfigurationBuilder().AddInMemoryCollection(all).Build())
            .BuildServiceProvider();
    }

    private static X509Certificate2 CreateCertificate(string subject)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
    }
}
