using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StatefulManifests.Generators.Tests.Support;

/// <summary>
/// MSBuild properties (<c>build_property.X</c>) for the tests that drive <see cref="Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver"/>
/// themselves and change them between runs (<see cref="GeneratorDriver.WithUpdatedAnalyzerConfigOptions"/>);
/// <see cref="WorkloadGeneratorTest.BuildProperties"/> is the same for the standard harness. Optionally the item
/// metadata of additional files (<c>build_metadata.AdditionalFiles.X</c>), by file path.
/// </summary>
public sealed class DriverBuildProperties(IReadOnlyDictionary<string, string> properties, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? fileMetadata = null) : AnalyzerConfigOptionsProvider
{
    /// <summary>No properties.</summary>
    public static DriverBuildProperties None { get; } = new(new Dictionary<string, string>());

    private readonly Options global = new(properties.ToImmutableDictionary(p => "build_property." + p.Key, p => p.Value));

    /// <inheritdoc />
    public override AnalyzerConfigOptions GlobalOptions => global;

    /// <inheritdoc />
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    /// <inheritdoc />
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        fileMetadata is not null && fileMetadata.TryGetValue(textFile.Path, out var metadata)
            ? new Options(metadata.ToImmutableDictionary(m => "build_metadata.AdditionalFiles." + m.Key, m => m.Value))
            : Options.Empty;

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static Options Empty { get; } = new(ImmutableDictionary<string, string>.Empty);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
