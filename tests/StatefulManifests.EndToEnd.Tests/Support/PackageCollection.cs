namespace StatefulManifests.EndToEnd.Tests.Support;

/// <summary>Test classes in this collection share one packed package (packing takes the better part of a minute).</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "package";
}
