using System.Text.Encodings.Web;
using ATTT.Monitor.Collector.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Ingest;

/// <summary>
/// Authenticates agents by bearer token. An unknown or revoked token is answered 401 with an empty
/// body and nothing else: no hint whether the token ever existed.
/// </summary>
internal sealed class AgentTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IAgentRegistry registry) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Prefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var token = header[Prefix.Length..].Trim();
        var agent = await registry.AuthenticateAsync(token, Context.RequestAborted).ConfigureAwait(false);
        if (agent is null)
            return AuthenticateResult.Fail("Unknown or revoked agent token.");
        return AuthenticateResult.Success(new AuthenticationTicket(AgentClaims.CreatePrincipal(agent, Scheme.Name), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => HandleChallengeAsync(properties);
}
