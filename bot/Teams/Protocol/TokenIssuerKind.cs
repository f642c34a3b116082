namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>Who issued an inbound token; each kind is checked against its own OpenID metadata.</summary>
public enum TokenIssuerKind
{
    /// <summary>Bot Service (<c>https://api.botframework.com</c>): keys with endorsements, <c>serviceurl</c> claim.</summary>
    BotService,

    /// <summary>Entra ID (<c>https://sts.windows.net/{tenant}/</c>, <c>https://login.microsoftonline.com/{tenant}/v2.0</c>): tenant checked, no endorsements.</summary>
    Entra,
}
