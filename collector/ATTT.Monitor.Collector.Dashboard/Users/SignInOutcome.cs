namespace ATTT.Monitor.Collector.Users;

public enum SignInOutcome
{
    Success = 0,
    WrongCredentials = 1,
    LockedOut = 2,
    Disabled = 3,
}
