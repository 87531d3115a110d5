using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using StatefulManifests.RoslynTesting;

namespace StatefulManifests.Analyzers.Tests.Support;

/// <summary>
/// A code fix for one rule under Microsoft.CodeAnalysis.Testing: the marked findings of <c>id</c> in the test code
/// (the other rules are off), the action chosen by equivalence key, and the fixed code, which must have no finding
/// of the rule left. The framework applies the fix one finding at a time and with Fix All in document, project and
/// solution scope, and checks each against the fixed code.
/// </summary>
/// <typeparam name="TCodeFix">The provider under test.</typeparam>
public sealed class WorkloadCodeFixTest<TCodeFix> : CSharpCodeFixTest<WorkloadEvaluationAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>A test of the fix of <paramref name="id"/> from <paramref name="markup"/> to <paramref name="fixedCode"/>.</summary>
    public WorkloadCodeFixTest(string id, string markup, string fixedCode, string? key = null)
    {
        TestReferences.Configure(this);
        TestCode = markup;
        FixedCode = fixedCode;
        CodeActionEquivalenceKey = key;
        DisabledDiagnostics.AddRange(WorkloadAnalyzerTest.AllIds.Where(other => other != id));
    }

    /// <summary>Runs the fix of <paramref name="id"/> with action <paramref name="key"/>, each finding taking one step.</summary>
    public static Task VerifyAsync(string id, string markup, string fixedCode, string key) =>
        new WorkloadCodeFixTest<TCodeFix>(id, markup, fixedCode, key).RunAsync();

    /// <summary>Asserts the findings marked in <paramref name="markup"/> are there and no fix is offered for them.</summary>
    public static Task VerifyNoFixAsync(string id, string markup) =>
        new WorkloadCodeFixTest<TCodeFix>(id, markup, markup).RunAsync();
}
