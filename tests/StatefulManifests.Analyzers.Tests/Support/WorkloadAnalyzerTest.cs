using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using StatefulManifests.RoslynTesting;

namespace StatefulManifests.Analyzers.Tests.Support;

/// <summary>
/// <see cref="WorkloadEvaluationAnalyzer"/> under Microsoft.CodeAnalysis.Testing, compiled as our users' projects
/// are (<see cref="TestReferences.Configure"/>). The framework also proves each finding survives the source being
/// marked generated and is silenced by <c>#pragma warning disable</c>.
/// </summary>
public sealed class WorkloadAnalyzerTest : CSharpAnalyzerTest<WorkloadEvaluationAnalyzer, DefaultVerifier>
{
    /// <summary>A test of <paramref name="markup"/> (<c>{|SM1002:-1|}</c> marks an expected finding).</summary>
    public WorkloadAnalyzerTest(string markup)
    {
        TestReferences.Configure(this);
        TestCode = markup;
    }

    /// <summary>
    /// The framework sets every supported ID to <see cref="ReportDiagnostic.Default"/> in the compilation options,
    /// which outranks an <c>.editorconfig</c> raising a rule to error or setting a category's severity; a real build
    /// has no such entries, so they are dropped (the <see cref="AnalyzerTest{TVerifier}.DisabledDiagnostics"/> stay).
    /// </summary>
    protected override CompilationWithAnalyzers CreateCompilationWithAnalyzers(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var specific = compilation.Options.SpecificDiagnosticOptions;
        var asDeclared = specific.RemoveRange(specific.Where(p => p.Value == ReportDiagnostic.Default && AllIds.Contains(p.Key)).Select(p => p.Key));
        return base.CreateCompilationWithAnalyzers(compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(asDeclared)), analyzers, options, cancellationToken);
    }

    /// <summary>Asserts the analyzer reports exactly what <paramref name="markup"/> marks, and nothing else.</summary>
    public static Task VerifyAsync(string markup, params DiagnosticResult[] expected)
    {
        var test = new WorkloadAnalyzerTest(markup);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// Asserts the findings of the IDs marked in <paramref name="markup"/> are exactly the marked ones; the rules not
    /// marked are switched off (a case shows one rule, not every lint the smallest edit also trips).
    /// </summary>
    public static Task VerifyMarkedIdsAsync(string markup) => OnlyMarked(markup).RunAsync();

    /// <summary>Like <see cref="VerifyMarkedIdsAsync(string)"/>, with a further check of each matched finding.</summary>
    public static Task VerifyMarkedIdsAsync(string markup, Action<Diagnostic> check)
    {
        var test = OnlyMarked(markup);
        test.DiagnosticVerifier = (actual, _, _) => check(actual);
        return test.RunAsync();
    }

    /// <summary>Asserts no finding of <paramref name="id"/> in <paramref name="source"/> (the other rules are off).</summary>
    public static Task VerifyNoneAsync(string source, string id) => Only(source, [id]).RunAsync();

    /// <summary>A test with only <paramref name="ids"/> switched on.</summary>
    public static WorkloadAnalyzerTest Only(string markup, IReadOnlyCollection<string> ids)
    {
        var test = new WorkloadAnalyzerTest(markup);
        test.DisabledDiagnostics.AddRange(AllIds.Where(id => !ids.Contains(id)));
        return test;
    }

    /// <summary>Every ID the analyzer can report.</summary>
    public static IReadOnlyList<string> AllIds { get; } = new WorkloadEvaluationAnalyzer().SupportedDiagnostics.Select(d => d.Id).Distinct().ToList();

    /// <summary>The IDs marked <c>{|ID:...|}</c> in <paramref name="markup"/>.</summary>
    public static IReadOnlyCollection<string> MarkedIds(string markup) =>
        Regex.Matches(markup, @"\{\|(SM[0-9]{4}):").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    private static WorkloadAnalyzerTest OnlyMarked(string markup)
    {
        var ids = MarkedIds(markup);
        Assert.NotEmpty(ids);
        return Only(markup, ids);
    }
}
