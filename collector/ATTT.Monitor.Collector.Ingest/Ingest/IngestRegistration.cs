using Microsoft.AspNetCore.Authentication;

namespace ATTT.Monitor.Collector.Ingest;

/// <summary>Registers the ingest area: the AgentToken scheme, the Agent policy, rate limits and endpoints.</summary>
public static class IngestRegistration
{
    public static IServiceCollection AddIngest(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(IngestOptions.Section).Get<IngestOptions>() ?? new IngestOptions();
        services.AddSingleton(options);
        services.AddSingleton<IngestGate>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AgentTokenHandler>(AgentTokenDefaults.Scheme, _ => { });
        services.AddAuthorizationBuilder()
            .AddPolicy(AgentTokenDefaults.Policy, policy => policy
                .AddAuthenticationSchemes(AgentTokenDefaults.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(AgentClaims.AgentId));
        services.AddIngestRateLimiting(options);
        return services;
    }

    public static WebApplication MapIngest(this WebApplication app)
    {
        app.MapIngestEndpoints();
        return app;
    }
}
