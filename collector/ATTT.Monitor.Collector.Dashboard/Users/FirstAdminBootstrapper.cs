using Microsoft.Extensions.Options;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Users;

/// <summary>
/// On the first start (no account yet) creates the administrator with a one-time password and
/// hands it to <see cref="StartupNotices"/>, which <c>attt serve</c> prints right after its first
/// line (the dashboard URL); the password must be changed at the first sign-in.
/// </summary>
internal sealed class FirstAdminBootstrapper(UserStore users, IOptions<UserOptions> options, StartupNotices notices, ILogger<FirstAdminBootstrapper> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var password = await EnsureAdminAsync(cancellationToken);
        if (password is null)
            return;
        var name = options.Value.FirstAdminUserName;
        if (logger.IsEnabled(LogLevel.Information))
            logger.LogInformation("Created the first dashboard administrator {UserName}", name);
        notices.Add($"Tài khoản quản trị đầu tiên / first administrator: {name}");
        notices.Add($"Mật khẩu dùng một lần / one-time password: {password}");
        notices.Add("Đổi mật khẩu khi đăng nhập lần đầu / change it at first sign-in.");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Creates the administrator if there is no account; returns its one-time password, or null.</summary>
    public async Task<string?> EnsureAdminAsync(CancellationToken cancellationToken)
    {
        if (await users.CountAsync(cancellationToken) > 0)
            return null;
        var password = PasswordPolicy.GenerateOneTimePassword();
        try
        {
            await users.CreateAsync(Caller.System, options.Value.FirstAdminUserName, "Quản trị viên", UserRoles.Admin, null, password, mustChangePassword: true, cancellationToken);
        }
        catch (UserValidationException e) when (e.TextKey == "UserNameTaken")
        {
            // Another process (a second `attt serve` on the same data folder) won the race.
            return null;
        }

        return password;
    }
}
