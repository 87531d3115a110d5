using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using StatefulManifests.Generators.Shared;

namespace StatefulManifests.Host;

/// <summary>
/// Runs one declaration the way its generated companion does at run time — the member, per environment, then
/// <c>Build()</c> — and reports each workload as the compile-time evaluator would have: the YAML when valid, else
/// its errors (<see cref="WorkloadErrors"/>) at the <c>Workload.StatefulSet(...)</c> call the DSL recorded.
/// </summary>
internal sealed class DeclarationRunner(Assembly assembly, string outputFolder, ResultsFile results)
{
    private const BindingFlags AnyStatic = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Runs <paramref name="request"/>, writing its records between a Begin and an End.</summary>
    public void Run(FallbackRequest request)
    {
        results.Write(new FallbackRecord(FallbackRecordKind.Begin, request.Declaration));
        if (Member(request) is not { } member)
        {
            Error(request, "SMB0032", string.Empty, 0, "StatefulManifests: the build could not find the declaration " + request.Declaration + " in the built assembly");
        }
        else
        {
            foreach (var run in request.Runs)
            {
                RunOnce(request, member, run);
            }
        }

        results.Write(new FallbackRecord(FallbackRecordKind.End, request.Declaration));
    }

    private MemberInfo? Member(FallbackRequest request)
    {
        var type = assembly.GetType(request.TypeName, throwOnError: false);
        return request.IsMethod
            ? type?.GetMethods(AnyStatic).FirstOrDefault(m => m.Name == request.MemberName && m.GetParameters().Length <= 1 && !m.ContainsGenericParameters)
            : type?.GetProperty(request.MemberName, AnyStatic);
    }

    private void RunOnce(FallbackRequest request, MemberInfo member, FallbackRun run)
    {
        List<StatefulWorkload> workloads;
        try
        {
            workloads = Builders(request, Invoke(member, run)).Select(b => b.Build()).ToList();
        }
        catch (Exception e)
        {
            var thrown = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            var (file, line) = UserFrame(thrown);
            Error(request, Rules.RuleIds.DeclarationThrows, file, line, Describe(request, run) + " threw " + thrown.GetType().Name + ": " + OneLine(thrown.Message) +
                " (" + Rules.RuleCatalog.DeclarationThrows.HelpLink + ")");
            return;
        }

        foreach (var workload in workloads)
        {
            var relativePath = ManifestPaths.RelativePath(run.Environment, ManifestPaths.FileName(workload.Name, request.FileName, request.IsSequence));
            var file = workload.Declaration?.File ?? string.Empty;
            var line = workload.Declaration?.Line ?? 0;
            var outcome = WorkloadErrors.Of(workload);
            foreach (var error in outcome.Errors)
            {
                Error(request, error.Code, file, line, error.Message);
            }

            if (outcome.Yaml is null)
            {
                results.Write(new FallbackRecord(FallbackRecordKind.Invalid, request.Declaration, relativePath));
                continue;
            }

            var path = Path.Combine(outputFolder, relativePath.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, outcome.Yaml, Utf8);
            results.Write(new FallbackRecord(FallbackRecordKind.Manifest, request.Declaration, relativePath, path));
        }
    }

    private static object? Invoke(MemberInfo member, FallbackRun run)
    {
        if (member is PropertyInfo property)
        {
            return property.GetValue(null);
        }

        var method = (MethodInfo)member;
        var parameters = method.GetParameters();
        if (parameters.Length == 0)
        {
            return method.Invoke(null, null);
        }

        var type = parameters[0].ParameterType;
        var argument = run.ArgumentIsEnum && type.IsEnum ? Enum.Parse(type, run.Argument ?? string.Empty) : (object?)run.Argument;
        return method.Invoke(null, [argument]);
    }

    private static IEnumerable<StatefulSetBuilder> Builders(FallbackRequest request, object? value)
    {
        if (!request.IsSequence)
        {
            return [value as StatefulSetBuilder ?? throw new InvalidOperationException("the declaration returned " + (value is null ? "null" : value.GetType().Name) + " instead of a StatefulSetBuilder")];
        }

        if (value is not IEnumerable sequence)
        {
            throw new InvalidOperationException("the declaration returned null instead of a sequence of builders");
        }

        return sequence.Cast<object?>().Select((item, i) => item as StatefulSetBuilder
            ?? throw new InvalidOperationException("item " + i + " of the declaration's sequence is " + (item is null ? "null" : "not a StatefulSetBuilder"))).ToList();
    }

    // The innermost frame of the user's own code (with its PDB), where the exception came from.
    private (string File, int Line) UserFrame(Exception exception)
    {
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            if (frame.GetMethod()?.Module.Assembly == assembly && frame.GetFileName() is { Length: > 0 } file)
            {
                return (file, frame.GetFileLineNumber());
            }
        }

        return (string.Empty, 0);
    }

    private static string Describe(FallbackRequest request, FallbackRun run) =>
        request.Declaration + (run.Environment is null ? string.Empty : " (environment '" + run.Environment + "')");

    private void Error(FallbackRequest request, string code, string file, int line, string message) =>
        results.Write(new FallbackRecord(FallbackRecordKind.Error, request.Declaration, File: file, Line: line, Code: code, Message: OneLine(message)));

    private static string OneLine(string text) => text.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');
}
