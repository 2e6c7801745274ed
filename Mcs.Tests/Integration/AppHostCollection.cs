namespace Mcs.Tests.Integration;

/// <summary>One AppHost for every test class in the collection (starting one costs seconds).</summary>
[CollectionDefinition(Name)]
public sealed class AppHostCollection : ICollectionFixture<AppHostFixture>
{
    public const string Name = "AppHost";
}
