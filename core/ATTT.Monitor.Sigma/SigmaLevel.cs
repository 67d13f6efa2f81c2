namespace ATTT.Monitor.Sigma;

/// <summary>Sigma rule levels, lowest first.</summary>
public enum SigmaLevel
{
    Informational = 0,
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}
