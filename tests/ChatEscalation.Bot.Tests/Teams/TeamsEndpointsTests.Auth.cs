using System.Net;
using Microsoft.IdentityModel.Tokens;

namespace ChatEscalation.Bot.Tests.Teams;

public sealed partial class TeamsEndpointsTests : IAsyncLifetime
{
    private TeamsTestHost host = null!;

    public async Task InitializeAsync() => host = await TeamsTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Post_ValidToken_CallsHandlerAndAnswers200Empty()
    {
        var response = await host.PostAsync(host.MessageActivity(), host.ValidToken());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBeEmpty();
        host.Handler.Received.Count.ShouldBe(1);
        host.Handler.Received[0].From!.AadObjectId.ShouldBe("aad-ada");
        host.Connector.ConnectorRequests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Post_TokenExpiredBeyondSkew_Refused()
    {
        var now = host.Time.GetUtcNow();
        var token = host.Issuer.MintToken(TeamsTestHost.AppId, host.Connector.ServiceUrl, now, notBefore: now.AddHours(-2), expires: now.AddMinutes(-6));
        await AssertRefusedAsync(host.MessageActivity().ToJsonString(), "Bearer " + token);
    }

    [Fact]
    public async Task Post_TokenExpiredWithinSkew_Accepted()
    {
        var now = host.Time.GetUtcNow();
        var token = host.Issuer.MintToken(TeamsTestHost.AppId, host.Connector.ServiceUrl, now, notBefore: now.AddHours(-2), expires: now.AddMinutes(-4));

        (await host.PostAsync(host.MessageActivity(), token)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Post_TokenNotYetValid_Refused()
    {
        var now = host.Time.GetUtcNow();
        var token = host.Issuer.MintToken(TeamsTestHost.AppId, host.Connector.ServiceUrl, now, notBefore: now.AddMinutes(6), expires: now.AddHours(1));
        await AssertRefusedAsync(host.MessageActivity().ToJsonString(), "Bearer " + token);
    }

    [Fact]
    public async Task Post_ValidTokenAfterFakeTimeMovesPastExpiry_Refused()
    {
        var token = host.ValidToken();
        host.Time.Advance(TimeSpan.FromMinutes(66));
        await AssertRefusedAsync(host.MessageActivity().ToJsonString(), "Bearer " + token);
    }

    [Fact]
    public async Task Post_WrongAudience_Refused()
    {
        var token = host.Issuer.MintToken("99999999-0000-0000-0000-000000000000", host.Connector.ServiceUrl, host.Time.GetUtcNow());
        await AssertRefusedAsync(host.MessageActivity().ToJsonString(), "Bearer " + token);
    }

    [Fact]
    public async Task Post_WrongIssuer_Refused()
    {
        var token = host.Issuer.MintToken(TeamsTestHost.AppId, host.Connector.ServiceUrl, host.Time.GetUtcNow(), issuer: "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/");
        await AssertRefusedAsync(host.MessageActivity().ToJsonString(), "Bearer " + token);
    }

    [Fact]
    public async Task Post_BadSignature_Refused()
    {
        var forged = LocalBotFrameworkIssuer.CreateUnpublishedKey(LocalBotFrameworkIssuer.DefaultKeyId);
        var token = host.Issuer.MintToken(TeamsTestHost.AppId, host.Connector.ServiceUrl, host.Time.GetUtcNow(), signingKey: forged);
        await AssertRefusedAsync(host.MessageActivity().ToJsonString(), "Bearer " + token);
    }

    [Fact]
    public async Task Post_Hs256Token_Refused()
    {
        var secret = new SymmetricSecurityKey(new byte[32]) { KeyId = LocalBotFrameworkIssuer.DefaultKeyId };
        var token = host.Issuer.MintToken(TeamsTestHost.AppId, host.Connector.ServiceUrl, host.Time.GetUtcNow(), signingKey: secret, algorithm: SecurityAlgorithms.HmacSha256);
        await AssertRefusedAsync(host.MessageActivity().ToJsonString(), "Bearer " + token);
    }

    [Fact]
    public async Task Post_KeyDoesNotEndorseChannel_Refused()
    {
        var webchatOnly = host.Issuer.PublishKey("webchat-key", "webchat");
        var token = host.Issuer.MintToken(TeamsTestHost.AppId, host.Connector.ServiceUrl, host.Time.GetUtcNow(), signingKey: webchatOnly);
        await AssertRefusedAsync(host.MessageActivity().ToJsonString(), "Bearer " + token);
    }

    [Fact]
    public async Task Post_ServiceUrlClaimDiffersFromActivity_Refused()
    {
        var token = host.Issuer.MintToken(TeamsTestHost.AppId, "https://smba.trafficmanager.net/emea/", host.Time.GetUtcNow());
        await AssertRefusedAsync(host.MessageActivity().ToJsonString(), "Bearer " + token);
    }

    [Fact]
    public async Task Post_ServiceUrlClaimDiffersOnlyInCase_Accepted()
    {
        var token = host.Issuer.MintToken(TeamsTestHost.AppId, host.Connector.ServiceUrl.ToUpperInvariant(), host.Time.GetUtcNow());

        (await host.PostAsync(host.MessageActivity(), token)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Post_NoAuthorizationHeader_Refused() =>
        await AssertRefusedAsync(host.MessageActivity().ToJsonString(), null);

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("bearer {token}")]
    [InlineData("Bearer {token} extra")]
    [InlineData("Bearer not-a-jwt")]
    public async Task Post_MalformedAuthorizationHeader_Refused(string header) =>
        await AssertRefusedAsync(host.MessageActivity().ToJsonString(), header.Replace("{token}", host.ValidToken()));

    [Fact]
    public async Task Post_MalformedJsonWithoutToken_Answers401NotBodyDetail() =>
        await AssertRefusedAsync("{not json", null);

    private async Task AssertRefusedAsync(string body, string? authorization)
    {
        var response = await host.PostAsync(body, authorization);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldBeEmpty();
        host.Handler.Received.ShouldBeEmpty();
        host.Connector.ConnectorRequests.ShouldBeEmpty();
        host.Connector.TokenRequests.ShouldBeEmpty();
    }
}
