namespace AadstsTools.GraphEmulator.State;

/// <summary>An assignedLicenses entry.</summary>
public sealed record EmulatorLicense(Guid SkuId, IReadOnlyList<Guid> DisabledPlans);
