using System.Security.Claims;

namespace ChatEscalation.Bot.Dashboard;

/// <summary>The e-mail address a provider's token names: <c>email</c> (Slack, Entra ID with the email claim), else <c>preferred_username</c> or <c>upn</c> when they are addresses (Entra ID).</summary>
public static class SignedInEmail
{
    public static string? Of(ClaimsPrincipal user)
    {
        foreach (var type in new[] { "email", ClaimTypes.Email, "preferred_username", "upn", ClaimTypes.Upn })
        {
            var value = user.FindFirst(type)?.Value?.Trim();
            if (!string.IsNullOrEmpty(value) && value.Contains('@', StringComparison.Ordinal)) return value.ToLowerInvariant();
        }
        return null;
    }
}
