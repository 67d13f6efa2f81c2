namespace ATTT.Monitor.Collector.Users;

/// <summary>Sign-in rules, bound to the configuration section "Users".</summary>
public sealed class UserOptions
{
    public const string Section = "Users";

    /// <summary>Failed sign-ins in a row that lock the account.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    public int MinPasswordLength { get; set; } = 10;

    /// <summary>User name of the administrator created on first start.</summary>
    public string FirstAdminUserName { get; set; } = "admin";
}
