namespace Zhifa.Core;

/// <summary>
/// A business rule said no. <see cref="Code"/> is stable (clients switch on it);
/// the message is for people.
/// </summary>
public class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
