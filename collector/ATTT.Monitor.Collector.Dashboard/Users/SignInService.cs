using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Users;

/// <summary>
/// Checks a user name and password with lockout after repeated failures. An unknown user name costs
/// the same hashing work as a known one, so response time does not reveal which names exist.
/// </summary>
public sealed class SignInService(UserStore users, IOptions<UserOptions> options, TimeProvider clock)
{
    private static readonly DashboardUser Nobody = new(0, "", "", UserRoles.Viewer, null, "", false, 0, null, false, DateTimeOffset.UnixEpoch);

    public async Task<(SignInOutcome Outcome, DashboardUser? User)> SignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var user = string.IsNullOrWhiteSpace(userName) ? null : await users.FindByNameAsync(userName.Trim(), cancellationToken);
        if (user is null)
        {
            users.Verify(Nobody with { PasswordHash = DummyHash.Value }, password);
            return (SignInOutcome.WrongCredentials, null);
        }

        if (user.LockedUntil is { } until && until > now)
            return (SignInOutcome.LockedOut, null);

        if (users.Verify(user, password) == PasswordVerificationResult.Failed)
        {
            var o = options.Value;
            await users.RecordFailureAsync(user.Id, o.MaxFailedSignIns, now + o.LockoutDuration, cancellationToken);
            return (user.FailedSignIns + 1 >= o.MaxFailedSignIns ? SignInOutcome.LockedOut : SignInOutcome.WrongCredentials, null);
        }

        if (user.Disabled)
            return (SignInOutcome.Disabled, null);

        await users.RecordSuccessAsync(user.Id, cancellationToken);
        return (SignInOutcome.Success, user);
    }

    private static class DummyHash
    {
        public static readonly string Value = new PasswordHasher<DashboardUser>().HashPassword(Nobody, "not-a-real-password");
    }
}
