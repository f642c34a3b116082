using ChatEscalation.Bot.Conversations;
using ChatEscalation.Bot.Teams.Cards;
using ChatEscalation.Bot.Teams.Protocol;
using ChatEscalation.Core.Forms;
using ChatEscalation.Persistence.Workflows;

namespace ChatEscalation.Bot.Teams;

/// <summary>
/// Chat messages: in a 1:1 chat every message, in a channel or group chat only those that @mention the bot, go to
/// <see cref="ChatConversation"/>; the answer goes back to the same conversation (a reply in a channel thread). In a 1:1 chat, text
/// the bot did not understand gets the raise form prefilled from it.
/// </summary>
public sealed class TeamsMessageHandler(
    ChatConversation conversation,
    IPolicyProvider policies,
    TeamsPeopleResolver people,
    TeamsConversationMemory memory,
    TeamsCardViews views,
    TeamsReplies replies)
{
    public async Task OnMessageAsync(Activity activity, CancellationToken ct)
    {
        var isPersonal = activity.IsPersonal;
        if (!isPersonal && !activity.MentionsRecipient) return;
        var user = await people.ResolveAsync(activity, ct);
        if (isPersonal) await memory.RememberPersonAsync(activity, user, ct);
        var text = MentionText.StripBotMention(activity);
        var reply = await conversation.HandleAsync(user, TeamsActivityHandler.Platform, text, ct);
        Activity answer;
        if (reply.SuggestRaise is not null && isPersonal)
        {
            answer = Activity.CardMessage(AdaptiveCardRenderer.RaiseCard(TicketForms.Raise(policies.Current, text)));
            answer.Text = reply.Text;
        }
        else if (reply.Card is { } view)
        {
            answer = Activity.CardMessage(views.ReplyCard(view));
            answer.Text = reply.Text;
        }
        else
        {
            var lines = new List<string> { reply.Text };
            lines.AddRange(reply.Tickets.Select(t => $"{t.Key} · {t.Title} · {t.StatusText} · {t.SlaText}"));
            answer = Activity.TextMessage(string.Join("\n\n", lines));
        }

        await replies.ReplyAsync(activity, answer, ct);
    }
}
