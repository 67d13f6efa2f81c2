using ATTT.Monitor.Collector.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ATTT.Monitor.Collector.Users;

/// <summary>Registers dashboard accounts: schema, store, hashing, sign-in, first administrator.</summary>
public static class UsersRegistration
{
    public static IServiceCollection AddDashboardUsers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UserOptions>().Bind(configuration.GetSection(UserOptions.Section));
        foreach (var migration in UsersSchema.Migrations)
            services.AddSingleton(migration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StartupNotices>();
        services.TryAddSingleton<IPasswordHasher<DashboardUser>, PasswordHasher<DashboardUser>>();
        services.TryAddSingleton<UserStore>();
        services.TryAddSingleton<SignInService>();
        services.TryAddSingleton<PasswordPolicy>();
        services.AddHostedService<FirstAdminBootstrapper>();
        return services;
    }
}
