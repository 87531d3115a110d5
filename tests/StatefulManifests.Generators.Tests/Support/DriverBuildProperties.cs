using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StatefulManifests.Generators.Tests.Support;

/// <summary>
/// MSBuild properties (<c>build_property.X</c>) for the tests that drive <see cref="Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver"/>
/// themselves and change them between runs (<see cref="GeneratorDriver.WithUpdatedAnalyzerConfigOptions"/>);
/// <see cref="WorkloadGeneratorTest.BuildProperties"/> is the same for the standard harness.
/// </summary>
public sealed class DriverBuildProperties(IReadOnlyDictionary<string, string> properties) : AnalyzerConfigOptionsProvider
{
    private readonly Options global = new(properties.ToImmutableDictionary(p => "build_property." + p.Key, p => p.Value));

    /// <inheritdoc />
    public override AnalyzerConfigOptions GlobalOptions => global;

    /// <inheritdoc />
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    /// <inheritdoc />
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static Options Empty { get; } = new(ImmutableDictionary<string, string>.Empty);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
