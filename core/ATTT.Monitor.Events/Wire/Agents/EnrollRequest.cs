namespace ATTT.Monitor.Events.Wire.Agents;

/// <summary>The body of <c>POST /api/v1/enroll</c>: a one-time code and what the PC says it is.</summary>
public sealed record EnrollRequest(string Code, string Host, string? Os, string? AgentVersion);
