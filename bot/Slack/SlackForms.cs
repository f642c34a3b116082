using ChatEscalation.Bot.Slack.Protocol;
using ChatEscalation.Core.Forms;

namespace ChatEscalation.Bot.Slack;

/// <summary>Reads a submitted modal (<c>view_submission</c>) into the engine's <see cref="TicketForm"/>. Pure translation.</summary>
public static class SlackForms
{
    /// <summary>
    /// The form <paramref name="view"/> carries: its <c>callback_id</c> as the action, and every input block's typed text or chosen
    /// option (block id = field name, element <see cref="SlackModals.ValueActionId"/>), trimmed; empty inputs are left out.
    /// </summary>
    public static TicketForm Read(SlackView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (blockId, actions) in view.State.Values)
        {
            if (!actions.TryGetValue(SlackModals.ValueActionId, out var input)) continue;
            var value = (input.Value ?? input.SelectedOption?.Value ?? "").Trim();
            if (value.Length > 0) fields[blockId] = value;
        }

        return new TicketForm(view.CallbackId ?? "", fields);
    }
}
