using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Bot.Hosting.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatEscalation.Bot.Tests.Security;

/// <summary>
/// With Slack connected the dashboard, ticket pages, exports and POSTs need OpenID Connect sign-in (a local provider here), and the
/// signed-in e-mail decides what each person sees: managers everything, tier staff their tiers' tickets, reporters their own, anybody
/// else 403. A POST without the antiforgery token is refused.
/// </summary>
public sealed class DashboardSignInTests : IAsyncLifetime
{
    private LocalOidcIssuer _issuer = null!;
    private SignedInHost _host = null!;
    private long _vpn, _printer, _payroll, _database;

    public async Task InitializeAsync()
    {
        _issuer = await LocalOidcIssuer.StartAsync();
        _host = await SignedInHost.StartAsync(_issuer);
        // 1: Uma's VPN problem, taken by Alice (Tier 1) and escalated to Tier 2.
        _vpn = await _host.RaiseAsync("uma@demo.local", "VPN drops every 10 minutes");
        await _host.RunAsync(_vpn, new AcceptTicket(_host.Policy.Person("alice@demo.local")));
        await _host.RunAsync(_vpn, new EscalateTicket(_host.Policy.Person("alice@demo.local"), new HandoffNote("Reinstalled the client", "Still drops", "Check the concentrator")));
        // 2: Victor's printer at Tier 1; 3: Uma's payroll problem, opened at Tier 2; 4: Victor's database problem at Tier 3.
        _printer = await _host.RaiseAsync("victor@demo.local", "Printer jams on every page");
        _payroll = await _host.RaiseAsync("uma@demo.local", "Payroll export fails for the whole team");
        _database = await _host.RaiseAsync("victor@demo.local", "SQL replication lag on the reporting database");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var browser = _host.Browser(email);
        using var page = await browser.GetAsync("/dashboard"); // → provider → /signin-oidc → /dashboard
        page.StatusCode.ShouldBe(HttpStatusCode.OK, $"{email} signing in");
        page.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/dashboard");
        return browser;
    }

    private static async Task<long[]> TicketsAsync(HttpClient browser)
    {
        var list = (await browser.GetFromJsonAsync<JsonArray>("/dashboard/api/tickets?status=all"))!;
        return list.Select(t => t!["number"]!.GetValue<long>()).Order().ToArray();
    }

    [Fact]
    public async Task Dashboard_NotSignedIn_PagesGoToTheProviderAndTheApiSays401()
    {
        using var browser = _host.Browser(null, followRedirects: false);

        using var page = await browser.GetAsync("/dashboard");
        using var ticket = await browser.GetAsync($"/tickets/{_vpn}");
        using var export = await browser.GetAsync("/dashboard/export.csv");
        using var api = await browser.GetAsync("/dashboard/api/tickets");

        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var authorize = page.Headers.Location!;
        authorize.GetLeftPart(UriPartial.Path).ShouldBe(_issuer.Authority + "/authorize");
        authorize.Query.ShouldContain("client_id=" + LocalOidcIssuer.ClientId);
        authorize.Query.ShouldContain("code_challenge_method=S256");
        authorize.Query.ShouldContain("redirect_uri=" + Uri.EscapeDataString(_host.BaseUrl + "/signin-oidc"));
        ticket.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        export.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        api.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignIn_ThroughTheProvider_SessionCookieAndTheCodeRedeemedOnce()
    {
        using var browser = await SignedInAsync("maria@demo.local");

        var me = (await browser.GetFromJsonAsync<JsonObject>("/dashboard/api/me"))!;

        me["email"]!.GetValue<string>().ShouldBe("maria@demo.local");
        me["role"]!.GetValue<string>().ShouldBe("Manager");
        me["name"]!.GetValue<string>().ShouldBe("Maria (IT manager)");
        _issuer.TokenRequests.ShouldBe(1);
        _issuer.RefusedTokenRequests.ShouldBe(0);
    }

    [Fact]
    public async Task KeyRing_NotLoadedAtStart_SignInStillWorksOnFirstUse()
    {
        // ASP.NET Core's start-up load of the key ring is taken out (WebSecurity.LoadKeyRingOnFirstUse); this fails if it is renamed.
        _host.Services.GetServices<IHostedService>().Select(s => s.GetType().FullName).ShouldNotContain(WebSecurity.KeyRingWarmUp);

        using var browser = await SignedInAsync("alice@demo.local");

        (await browser.GetFromJsonAsync<JsonObject>("/dashboard/api/me"))!["email"]!.GetValue<string>().ShouldBe("alice@demo.local");
    }

    [Fact]
    public async Task KeysFolder_SharedByTwoInstances_ASignInOnOneIsValidOnTheOther()
    {
        var keys = Directory.CreateTempSubdirectory("chatescalation-keys-").FullName;
        try
        {
            var settings = new Dictionary<string, string?> { [WebSecurity.KeysFolderSetting] = keys };
            await using var first = await SignedInHost.StartAsync(_issuer, settings);
            await using var second = await SignedInHost.StartAsync(_issuer, settings);
            using var browser = first.Browser("alice@demo.local");
            (await browser.GetAsync("/dashboard")).StatusCode.ShouldBe(HttpStatusCode.OK);

            // The same browser's cookie, sent to the other instance (cookies do not depend on the port).
            var me = (await browser.GetFromJsonAsync<JsonObject>(second.BaseUrl + "/dashboard/api/me"))!;

            me["email"]!.GetValue<string>().ShouldBe("alice@demo.local");
            Directory.GetFiles(keys, "key-*.xml").ShouldNotBeEmpty();
        }
        finally
        {
            Directory.Delete(keys, recursive: true);
        }
    }

    [Theory]
    [InlineData("maria@demo.local", "Manager")]
    [InlineData("alice@demo.local", "Staff")]
    [InlineData("carol@demo.local", "Staff")]
    [InlineData("erin@demo.local", "Staff")]
    [InlineData("uma@demo.local", "Reporter")]
    [InlineData("victor@demo.local", "Reporter")]
    public async Task TicketList_EachRole_ExactlyItsTickets(string email, string role)
    {
        using var browser = await SignedInAsync(email);
        long[] expected = email switch
        {
            "maria@demo.local" => [_vpn, _printer, _payroll, _database], // a manager: everything
            "alice@demo.local" => [_vpn, _printer],                      // Tier 1: the tickets that are or were at Tier 1
            "carol@demo.local" => [_vpn, _payroll],                      // Tier 2: the escalated VPN ticket and payroll
            "erin@demo.local" => [_database],                            // Tier 3
            "uma@demo.local" => [_vpn, _payroll],                        // a reporter: her own
            _ => [_printer, _database],
        };

        var me = (await browser.GetFromJsonAsync<JsonObject>("/dashboard/api/me"))!;
        var seen = await TicketsAsync(browser);

        me["role"]!.GetValue<string>().ShouldBe(role);
        seen.ShouldBe(expected.Order().ToArray());
        foreach (var n in new[] { _vpn, _printer, _payroll, _database })
        {
            using var page = await browser.GetAsync($"/tickets/{n}");
            page.StatusCode.ShouldBe(expected.Contains(n) ? HttpStatusCode.OK : HttpStatusCode.Forbidden, $"{email} opening ticket {n}");
        }
        var csv = await browser.GetStringAsync("/dashboard/export.csv");
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => long.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture))
            .Order().ShouldBe(expected.Order());
    }

    [Fact]
    public async Task Figures_StaffSeeTheAggregates_ReportersDoNot()
    {
        using var alice = await SignedInAsync("alice@demo.local");
        using var uma = await SignedInAsync("uma@demo.local");

        using var staff = await alice.GetAsync("/dashboard/api/figures");
        using var reporter = await uma.GetAsync("/dashboard/api/figures");
        using var summary = await uma.GetAsync("/dashboard/export-summary.csv");

        staff.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await staff.Content.ReadFromJsonAsync<JsonObject>())!["openTickets"]!.GetValue<int>().ShouldBe(4); // the desk's aggregate
        reporter.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        summary.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Stranger_SignedInButUnknownToThePolicy_403Everywhere()
    {
        using var browser = _host.Browser("mallory@elsewhere.example");

        using var page = await browser.GetAsync("/dashboard");
        using var api = await browser.GetAsync("/dashboard/api/tickets");
        using var ticket = await browser.GetAsync($"/tickets/{_vpn}");

        page.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await page.Content.ReadAsStringAsync()).ShouldContain("no role in the escalation policy");
        api.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        ticket.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task SignIn_EmailNotVerifiedByTheProvider_Refused()
    {
        _issuer.EmailVerified = false;
        using var browser = _host.Browser("maria@demo.local");

        using var page = await browser.GetAsync("/dashboard");

        page.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await browser.GetAsync("/dashboard/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RetryPost_WithoutTheAntiforgeryToken_Refused_WithItAccepted()
    {
        using var maria = await SignedInAsync("maria@demo.local");
        var token = (await maria.GetFromJsonAsync<JsonObject>("/dashboard/api/me"))!["csrf"]!.GetValue<string>();

        // A cross-site form: the browser sends the session cookie (and the antiforgery cookie) but cannot read or send the token.
        using var forged = await maria.PostAsync("/dashboard/api/parked/999/retry", new FormUrlEncodedContent([]));
        using var wrongToken = await maria.SendAsync(WithToken("/dashboard/api/parked/999/retry", token[..^2] + "xx"));
        using var genuine = await maria.SendAsync(WithToken("/dashboard/api/parked/999/retry", token));

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await forged.Content.ReadAsStringAsync()).ShouldContain("antiforgery");
        wrongToken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        genuine.StatusCode.ShouldBe(HttpStatusCode.NotFound); // past the token check: there is no parked message #999
    }

    [Fact]
    public async Task RetryPost_TokenOfAnotherPersonsSession_Refused()
    {
        using var maria = await SignedInAsync("maria@demo.local");
        using var alice = await SignedInAsync("alice@demo.local");
        var aliceToken = (await alice.GetFromJsonAsync<JsonObject>("/dashboard/api/me"))!["csrf"]!.GetValue<string>();
        await maria.GetAsync("/dashboard/api/me"); // Maria's own antiforgery cookie

        using var response = await maria.SendAsync(WithToken("/dashboard/api/parked/999/retry", aliceToken));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private static HttpRequestMessage WithToken(string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("X-CSRF-TOKEN", token);
        return request;
    }
}
