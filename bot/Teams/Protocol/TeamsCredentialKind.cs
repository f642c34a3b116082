namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>How the bot proves its identity when it asks Entra ID for a Connector token (<c>Teams:Credential</c>).</summary>
public enum TeamsCredentialKind
{
    /// <summary>A client secret, <c>Teams:AppPassword</c>. The default.</summary>
    Secret,

    /// <summary>A certificate with its private key (<c>Teams:CertificatePath</c> or <c>Teams:CertificateThumbprint</c>): a signed client assertion.</summary>
    Certificate,

    /// <summary>The Azure managed identity of the host (system-assigned, or user-assigned with <c>Teams:ManagedIdentityClientId</c>).</summary>
    ManagedIdentity,
}
