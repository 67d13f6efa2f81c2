namespace ATTT.Monitor.Agent.Transport;

/// <summary>The collector's answer to <c>POST /api/v1/enroll</c>.</summary>
public sealed record EnrollmentResult(string AgentId, string Token, string? Unit);
