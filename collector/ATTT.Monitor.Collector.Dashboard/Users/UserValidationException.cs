namespace ATTT.Monitor.Collector.Users;

/// <summary>Bad input for an account; <see cref="TextKey"/> names the dashboard text that explains it.</summary>
internal sealed class UserValidationException(string textKey) : Exception(textKey)
{
    public string TextKey { get; } = textKey;
}
