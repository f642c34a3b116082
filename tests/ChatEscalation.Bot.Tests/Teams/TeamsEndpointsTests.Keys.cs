using System.Net;

namespace ChatEscalation.Bot.Tests.Teams;

public sealed partial class TeamsEndpointsTests
{
    [Fact]
    public async Task Post_UnknownKid_RefreshesOnceThenNotAgainWithinMinInterval()
    {
        (await host.PostAsync(host.MessageActivity(), host.ValidToken())).StatusCode.ShouldBe(HttpStatusCode.OK);
        host.Issuer.JwksHits.ShouldBe(1);
        host.Time.Advance(TimeSpan.FromMinutes(6));

        var stranger = LocalBotFrameworkIssuer.CreateUnpublishedKey("unknown-1");
        var first = await host.PostAsync(host.MessageActivity(), host.Issuer.MintToken(TeamsTestHost.AppId, host.Connector.ServiceUrl, host.Time.GetUtcNow(), signingKey: stranger));
        first.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        host.Issuer.JwksHits.ShouldBe(2);

        host.Time.Advance(TimeSpan.FromMinutes(1));
        var other = LocalBotFrameworkIssuer.CreateUnpublishedKey("unknown-2");
        var second = await host.PostAsync(host.MessageActivity(), host.Issuer.MintToken(TeamsTestHost.AppId, host.Connector.ServiceUrl, host.Time.GetUtcNow(), signingKey: other));
        second.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        host.Issuer.JwksHits.ShouldBe(2);
        host.Handler.Received.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Post_UnknownKidOnColdCache_FetchesOnceAndRefuses()
    {
        var stranger = LocalBotFrameworkIssuer.CreateUnpublishedKey("unknown-1");
        var response = await host.PostAsync(host.MessageActivity(), host.Issuer.MintToken(TeamsTestHost.AppId, host.Connector.ServiceUrl, host.Time.GetUtcNow(), signingKey: stranger));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        host.Issuer.JwksHits.ShouldBe(1);
        host.Handler.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_KeyRolledOver_NewKidAcceptedAfterRefresh()
    {
        (await host.PostAsync(host.MessageActivity(), host.ValidToken())).StatusCode.ShouldBe(HttpStatusCode.OK);
        var rolled = host.Issuer.PublishKey("local-key-2", "msteams");
        host.Issuer.UnpublishKey(LocalBotFrameworkIssuer.DefaultKeyId);
        host.Time.Advance(TimeSpan.FromMinutes(6));

        var response = await host.PostAsync(host.MessageActivity(), host.Issuer.MintToken(TeamsTestHost.AppId, host.Connector.ServiceUrl, host.Time.GetUtcNow(), signingKey: rolled));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        host.Issuer.JwksHits.ShouldBe(2);
        host.Handler.Received.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Post_KnownKidAfter24Hours_RefetchesKeys()
    {
        (await host.PostAsync(host.MessageActivity(), host.ValidToken())).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.PostAsync(host.MessageActivity(), host.ValidToken())).StatusCode.ShouldBe(HttpStatusCode.OK);
        host.Issuer.JwksHits.ShouldBe(1);

        host.Time.Advance(TimeSpan.FromHours(24));
        (await host.PostAsync(host.MessageActivity(), host.ValidToken())).StatusCode.ShouldBe(HttpStatusCode.OK);

        host.Issuer.JwksHits.ShouldBe(2);
    }
}
