using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using ChatEscalation.Bot.Conversations;
using ChatEscalation.Core.Forms;

namespace ChatEscalation.Bench.Micro;

/// <summary>
/// Typed chat commands with a 200,000-character argument (issue 11): every verb's parsing must stay linear. The target is well under
/// 50 ms per command. <see cref="VendorOldPattern"/> is the backtracking pattern the vendor verb used before, for comparison.
/// </summary>
[MemoryDiagnoser]
public class ChatParsingBenchmarks
{
    private static readonly Regex OldVendorCase = new(@"^(?<vendor>.+?)\s+(?:case\s*#?|#)(?<case>\S+)\s*$", RegexOptions.IgnoreCase);
    private readonly string _spaces = "Contoso" + new string(' ', 200_000) + "x";

    [Params(20_000, 200_000)]
    public int Length { get; set; }

    private string Argument => _spaces[..(Length - 1)] + "x";

    [Benchmark]
    public TicketForm? Vendor() => ChatCommandText.ToForm(ChatIntentParser.Parse("vendor INC-42 " + Argument));

    [Benchmark]
    public TicketForm? Escalate() => ChatCommandText.ToForm(ChatIntentParser.Parse("escalate INC-42 tried: " + Argument + "; to tier 3"));

    [Benchmark]
    public TicketForm? Reassign() => ChatCommandText.ToForm(ChatIntentParser.Parse("reassign INC-42 " + Argument));

    [Benchmark]
    public TicketForm? Priority() => ChatCommandText.ToForm(ChatIntentParser.Parse("priority INC-42 " + Argument));

    /// <summary>The old vendor pattern on the backtracking engine (quadratic in the run of spaces).</summary>
    [Benchmark(Baseline = true)]
    public bool VendorOldPattern() => OldVendorCase.IsMatch(Argument);
}
