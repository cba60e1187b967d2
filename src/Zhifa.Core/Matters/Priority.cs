namespace Zhifa.Core.Matters;

public enum Priority
{
    Low,
    Normal,
    Urgent,
}
