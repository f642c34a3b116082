using Microsoft.Extensions.Options;

namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>
/// Validates <see cref="SlackOptions"/> at start-up when Slack is enabled: <see cref="SlackOptions.ApiBaseUrl"/>
/// must be https (http only for loopback hosts) and a bot token is needed to call the Web API.
/// Nothing is checked while Slack is not configured.
/// </summary>
public sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        if (!options.IsEnabled) return ValidateOptionsResult.Success;

        var failures = new List<string>();
        if (!SlackUrlRules.IsSecureOrLoopbackHttp(options.ApiBaseUrl))
        {
            failures.Add($"Slack:ApiBaseUrl '{options.ApiBaseUrl}' must be an absolute https URL (http is allowed only for loopback hosts).");
        }

        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            failures.Add("Slack:BotToken is required when Slack is enabled (the bot posts and updates messages with it).");
        }

        if (options.SocketReconnectMaxDelay < options.SocketReconnectBaseDelay)
        {
            failures.Add("Slack:SocketReconnectMaxDelay must not be shorter than Slack:SocketReconnectBaseDelay.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
