using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Tests.Engine.Support;

/// <summary>The cast of the demo policy (see <see cref="TestPolicy"/>): technicians, leads, a manager, an end user, a VIP and a stranger.</summary>
internal static class People
{
    public static readonly UserRef Alice = new("alice@demo.local", "Alice (Tier 1)");
    public static readonly UserRef Bob = new("bob@demo.local", "Bob (Tier 1)");
    public static readonly UserRef Lena = new("lena@demo.local", "Lena (Tier 1 lead)");
    public static readonly UserRef Carol = new("carol@demo.local", "Carol (Tier 2)");
    public static readonly UserRef Dave = new("dave@demo.local", "Dave (Tier 2)");
    public static readonly UserRef Mike = new("mike@demo.local", "Mike (Tier 2 lead)");
    public static readonly UserRef Erin = new("erin@demo.local", "Erin (Tier 3)");
    public static readonly UserRef Frank = new("frank@demo.local", "Frank (Tier 3 lead)");
    public static readonly UserRef Gina = new("gina@demo.local", "Gina (Tier 4 vendors)");
    public static readonly UserRef Maria = new("maria@demo.local", "Maria (IT manager)");
    public static readonly UserRef Uma = new("uma@demo.local", "Uma (end user)");
    public static readonly UserRef Victor = new("victor@demo.local", "Victor (CFO, VIP)");
    /// <summary>Neither the reporter nor anybody the policy names.</summary>
    public static readonly UserRef Stranger = new("slack:U0STRANGER", "Sam Stranger");
}
