namespace AadstsTools.GraphEmulator.State;

/// <summary>One accepted revokeSignInSessions call.</summary>
public sealed record SessionRevocationRecord(DateTimeOffset At, bool InBatch, string RequestId);
