namespace ATTT.Monitor.Events.Wire.Agents;

/// <summary>One local fixed disk (Win32_LogicalDisk, DriveType 3): its letter, size and free space in bytes.</summary>
public sealed record DiskSpace(string Drive, long? SizeBytes, long? FreeBytes);
