using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Tests.Scheduling;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Bot.Tests.Dashboard;

/// <summary>The dashboard's JSON and exports over the host (sign-in off: the local demo).</summary>
public sealed class DashboardEndpointTests
{
    [Fact]
    public async Task Figures_OwnedOpenTickets_LoadPerTechnicianNow()
    {
        await using var host = await SchedulingHost.StartAsync();
        var vpn = await host.RaiseAsync("VPN drops every 10 minutes");
        var printer = await host.RaiseAsync("Printer jams on every page", Impact.High, Urgency.High);
        await host.RaiseAsync("Outlook crashes on start");
        await host.RunAsync(vpn, new AcceptTicket(host.Person("bob@demo.local")));
        await host.RunAsync(printer, new AcceptTicket(host.Person("bob@demo.local")));
        using var client = host.Client();

        var figures = (await client.GetFromJsonAsync<JsonObject>("/dashboard/api/figures?days=7"))!;

        var load = figures["load"]!.AsArray().Single()!;
        load["name"]!.GetValue<string>().ShouldBe("Bob (Tier 1)");
        load["open"]!.GetValue<int>().ShouldBe(2);
        load["urgent"]!.GetValue<int>().ShouldBe(1); // the P1 printer
        figures["openTickets"]!.GetValue<int>().ShouldBe(3);
        figures["raised"]!.GetValue<int>().ShouldBe(3);
        figures["escalationRate"]!.GetValue<double>().ShouldBe(0);
    }

    [Fact]
    public async Task Figures_BadPeriod_400WithTheReason()
    {
        await using var host = await SchedulingHost.StartAsync();
        using var client = host.Client();

        using var response = await client.GetAsync("/dashboard/api/figures?from=2026-03-10&to=2026-03-01");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("to must not be before from");
    }

    [Fact]
    public async Task TicketPage_EventsAsSentencesAndTimesForTheBrowser()
    {
        await using var host = await SchedulingHost.StartAsync();
        var vpn = await host.RaiseAsync("VPN drops every 10 minutes");
        await host.RunAsync(vpn, new AcceptTicket(host.Person("alice@demo.local")));
        using var client = host.Client();

        var html = await client.GetStringAsync($"/tickets/{vpn}");

        html.ShouldContain("Ticket raised");
        html.ShouldContain("Accepted by a technician");
        html.ShouldNotContain(">Raised<br>");
        html.ShouldContain("<time datetime=\"2026-03-10T10:00:00Z\">");
        html.ShouldContain("<script src=\"/dashboard/static/ticket.js\"></script>");
        html.ShouldNotContain("<script>");
    }

    [Fact]
    public async Task Exports_TicketsOnePerRow_SummaryAsASecondFile()
    {
        await using var host = await SchedulingHost.StartAsync();
        await host.RaiseAsync("VPN drops every 10 minutes");
        await host.RaiseAsync("=HYPERLINK(\"http://evil.example\")");
        using var client = host.Client();

        using var tickets = await client.GetAsync("/dashboard/export.csv");
        using var summary = await client.GetAsync("/dashboard/export-summary.csv");

        tickets.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        tickets.Content.Headers.ContentDisposition!.FileName.ShouldBe("tickets.csv");
        var lines = (await tickets.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3);
        lines[2].ShouldContain(",\"'=HYPERLINK(\"\"http://evil.example\"\")\","); // a formula is never a formula in a spreadsheet
        summary.Content.Headers.ContentDisposition!.FileName.ShouldBe("summary.csv");
        (await summary.Content.ReadAsStringAsync()).ShouldContain("summary,open_tickets,,2");
    }
}
