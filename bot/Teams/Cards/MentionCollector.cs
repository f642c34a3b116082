using System.Text.Json.Nodes;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Bot.Teams.Cards;

/// <summary>Writes <c>&lt;at&gt;Name&lt;/at&gt;</c> for people the options can resolve and collects the matching <c>msteams.entities</c>.</summary>
internal sealed class MentionCollector(TeamsCardOptions options)
{
    private readonly List<(string Text, TeamsMention Mention)> entities = [];

    /// <summary>The extra people to mention (<see cref="TeamsCardOptions.Mentioned"/>).</summary>
    public IReadOnlyList<UserRef> Extra { get; } = options.Mentioned ?? [];

    /// <summary>The person's name as card text: a mention tag when resolvable, the escaped plain name otherwise.</summary>
    public string Name(UserRef person)
    {
        var mention = options.MentionFor?.Invoke(person);
        if (mention is null || string.IsNullOrWhiteSpace(mention.Id)) return CardText.Safe(person.Name);
        var name = CardText.Safe(string.IsNullOrWhiteSpace(mention.Name) ? person.Name : mention.Name);
        var text = $"<at>{name}</at>";
        if (!entities.Any(e => e.Text == text && e.Mention.Id == mention.Id)) entities.Add((text, mention with { Name = name }));
        return text;
    }

    /// <summary>Adds <c>msteams</c> (full width, and the mention entities when any) to the card root.</summary>
    public void WriteTo(JsonObject card)
    {
        var msteams = new JsonObject { ["width"] = "Full" };
        if (entities.Count > 0)
        {
            msteams["entities"] = new JsonArray(entities.Select(e => (JsonNode)new JsonObject
            {
                ["type"] = "mention",
                ["text"] = e.Text,
                ["mentioned"] = new JsonObject { ["id"] = e.Mention.Id, ["name"] = e.Mention.Name },
            }).ToArray());
        }

        card["msteams"] = msteams;
    }
}
