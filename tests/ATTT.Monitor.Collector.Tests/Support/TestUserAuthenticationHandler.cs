using System.Security.Claims;
using System.Text.Encodings.Web;
using ATTT.Monitor.Collector.Incidents;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Tests.Support;

/// <summary>
/// Signs a dashboard user in from the <c>X-Test-User: name|unit,unit|role</c> header (URL-encoded; role defaults
/// to officer), standing in for the
/// dashboard's cookie login (not built in this area) while the rest of the ASP.NET Core pipeline is real.
/// </summary>
internal sealed class TestUserAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestUser";
    public const string Header = "X-Test-User";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var value = Uri.UnescapeDataString(Request.Headers[Header].ToString());
        if (value.Length == 0)
            return Task.FromResult(AuthenticateResult.NoResult());
        var parts = value.Split('|');
        var claims = new List<Claim> { new(ClaimTypes.Name, parts[0]) };
        if (parts.Length > 1)
            claims.AddRange(parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(u => new Claim(UnitClaims.Unit, u)));
        claims.Add(new Claim(ClaimTypes.Role, parts.Length > 2 ? parts[2] : "officer"));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
