namespace Mcs.Mocks;

/// <summary>A public type of this assembly for <c>WebApplicationFactory&lt;T&gt;</c> (several services share one test project).</summary>
public sealed class MocksMarker;
