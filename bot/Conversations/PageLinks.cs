using ChatEscalation.Bot.Local;
using ChatEscalation.Core.WhatIf;
using Microsoft.Extensions.Options;

namespace ChatEscalation.Bot.Conversations;

/// <summary>Links from chat answers to the bot's web pages, for the platform the answer goes to.</summary>
/// <remarks>
/// The base is <c>Slack:PublicBaseUrl</c> or <c>Teams:PublicBaseUrl</c> (the emulator links relative to itself). The what-if page is
/// served with the emulator (<c>Local:Enabled</c>), so without it there is no link to give.
/// </remarks>
public sealed class PageLinks(IConfiguration configuration, IOptions<LocalOptions> local)
{
    /// <summary>The what-if page asking <paramref name="request"/>, or null when the page is not served.</summary>
    public string? WhatIf(string platform, WhatIfRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!local.Value.Enabled) return null;
        var query = new Dictionary<string, string?>
        {
            ["title"] = request.Title,
            ["priority"] = request.Priority?.ToString(),
            ["category"] = request.Category,
            ["reporter"] = request.Reporter,
            ["day"] = request.Day.ToString(),
            ["time"] = request.TimeOfDay.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        };
        var path = "/whatif?" + string.Join("&", query.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
        return Base(platform) + path;
    }

    private string Base(string platform) => platform switch
    {
        "slack" => configuration["Slack:PublicBaseUrl"]?.TrimEnd('/') ?? "",
        "teams" => configuration["Teams:PublicBaseUrl"]?.TrimEnd('/') ?? "",
        _ => "",
    };
}
