using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace StatefulManifests.Analyzers.Tests.Support;

/// <summary>
/// Runs a code fix the way the IDE does: the analyzer's diagnostics (from <see cref="AnalyzerHarness"/>) go to the
/// provider, the chosen action (by equivalence key) is applied, and the fixed text is returned. Fix All runs the
/// provider's own <see cref="FixAllProvider"/> over the document.
/// </summary>
public static class CodeFixHarness
{
    /// <summary>The equivalence keys of the actions offered for the (first) diagnostic of <paramref name="id"/> in <paramref name="source"/>.</summary>
    public static IReadOnlyList<string?> OfferedKeys(CodeFixProvider provider, string source, string id)
    {
        var document = AnalyzerHarness.CreateDocument(source);
        return Actions(provider, document, Single(document, id)).Select(a => a.EquivalenceKey).ToList();
    }

    /// <summary>The source after applying the action <paramref name="key"/> to the one diagnostic of <paramref name="id"/>.</summary>
    public static string Apply(CodeFixProvider provider, string source, string id, string key)
    {
        var document = AnalyzerHarness.CreateDocument(source);
        var actions = Actions(provider, document, Single(document, id));
        var action = actions.SingleOrDefault(a => a.EquivalenceKey == key);
        Assert.True(action is not null, "no action " + key + "; offered: " + string.Join(", ", actions.Select(a => a.EquivalenceKey)));
        return TextAfter(action!, document);
    }

    /// <summary>The source after Fix All in the document with action <paramref name="key"/> for <paramref name="id"/>.</summary>
    public static string FixAll(CodeFixProvider provider, string source, string id, string key)
    {
        var document = AnalyzerHarness.CreateDocument(source);
        var fixAll = provider.GetFixAllProvider();
        Assert.NotNull(fixAll);
        var context = new FixAllContext(document, provider, FixAllScope.Document, key, [id], new AnalyzerDiagnostics(), CancellationToken.None);
        var action = fixAll!.GetFixAsync(context).GetAwaiter().GetResult();
        Assert.NotNull(action);
        return TextAfter(action!, document);
    }

    // One place with this ID: a name shared by the StatefulSet, its Service and its budget is one literal with a
    // finding per object, all fixed by the same action.
    private static Diagnostic Single(Document document, string id)
    {
        var found = AnalyzerHarness.Analyze(document.Project).Where(d => d.Id == id).ToList();
        Assert.True(found.Count > 0 && found.All(d => d.Location == found[0].Location), "expected " + id + " at one place, found: " + string.Join("; ", found));
        return found[0];
    }

    private static List<CodeAction> Actions(CodeFixProvider provider, Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        provider.RegisterCodeFixesAsync(context).GetAwaiter().GetResult();
        return actions;
    }

    private static string TextAfter(CodeAction action, Document document)
    {
        var operations = action.GetOperationsAsync(CancellationToken.None).GetAwaiter().GetResult();
        var apply = operations.OfType<ApplyChangesOperation>().Single();
        var changed = apply.ChangedSolution.GetDocument(document.Id)!;
        return changed.GetTextAsync().GetAwaiter().GetResult().ToString();
    }

    /// <summary>Hands Fix All the analyzer's diagnostics, as the IDE's diagnostic service would.</summary>
    private sealed class AnalyzerDiagnostics : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(AnalyzerHarness.Analyze(document.Project).Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(ImmutableArray<Diagnostic>.Empty);

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(AnalyzerHarness.Analyze(project));
    }
}
