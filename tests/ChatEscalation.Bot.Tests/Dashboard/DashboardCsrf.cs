using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChatEscalation.Bot.Tests.Dashboard;

/// <summary>What the dashboard page does before a POST: reads its antiforgery token from <c>/dashboard/api/me</c> and keeps the cookie that came with it.</summary>
public static class DashboardCsrf
{
    /// <summary>A POST carrying the token header and the antiforgery cookie, as the page sends it (for clients without a cookie container).</summary>
    public static async Task<HttpRequestMessage> PostAsync(HttpClient client, string path)
    {
        using var me = await client.GetAsync("/dashboard/api/me");
        me.EnsureSuccessStatusCode();
        var token = (await me.Content.ReadFromJsonAsync<JsonObject>())!["csrf"]!.GetValue<string>();
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("X-CSRF-TOKEN", token);
        if (me.Headers.TryGetValues("Set-Cookie", out var cookies))
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Split(';')[0])));
        return request;
    }
}
