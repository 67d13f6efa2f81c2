using System.Security.Claims;
using ATTT.Monitor.Collector.Ingest;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Tests.Ingest;

public sealed class AgentClaimsTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_identity_round_trips_through_the_claims(bool drill)
    {
        var agent = new AgentIdentity("a_01", "xã-sàng-mộc", "PC-1", drill);
        Assert.Equal(agent, AgentClaims.GetIdentity(AgentClaims.CreatePrincipal(agent, AgentTokenDefaults.Scheme)));
    }

    [Fact]
    public void A_request_not_authenticated_as_an_agent_has_no_identity()
    {
        Assert.Null(AgentClaims.TryGetIdentity(new ClaimsPrincipal(new ClaimsIdentity())));
        Assert.Throws<InvalidOperationException>(() => AgentClaims.GetIdentity(new ClaimsPrincipal()));
    }
}
