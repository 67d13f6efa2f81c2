using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Users;

/// <summary>What a new password must be, and how one-time passwords are made.</summary>
public sealed class PasswordPolicy(IOptions<UserOptions> options)
{
    // No look-alike characters (0/O, 1/l/I): the one-time password is read off a console.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>Null when acceptable, else the text key that explains why not.</summary>
    public string? Check(string? password, string userName)
    {
        if (string.IsNullOrEmpty(password) || password.Length < options.Value.MinPasswordLength)
            return "PasswordTooShort";
        if (password.Contains(userName, StringComparison.OrdinalIgnoreCase))
            return "PasswordContainsUserName";
        return null;
    }

    public static string GenerateOneTimePassword() => RandomNumberGenerator.GetString(Alphabet, 16);
}
