using StatefulManifests.Generators.Models;

namespace StatefulManifests.Generators.Emission;

/// <summary>
/// Writes the stable identities Kubernetes derives from a StatefulSet: pod names by ordinal (respecting
/// <c>spec.ordinals.start</c>), pod DNS names through the governing Service, claim names per template and ordinal,
/// container names and named ports. The rules are Kubernetes' own: pod <c>&lt;set&gt;-&lt;ordinal&gt;</c>, DNS
/// <c>&lt;pod&gt;.&lt;service&gt;.&lt;namespace&gt;.svc.&lt;cluster-domain&gt;</c>, claim <c>&lt;template&gt;-&lt;pod&gt;</c>.
/// </summary>
internal static class IdentityEmitter
{
    private const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";

    /// <summary>The DSL's naming rules the generated members call, so names are defined once (<c>StatefulSetNames</c>).</summary>
    internal const string Names = "global::StatefulManifests.StatefulSetNames.";

    /// <summary>Writes the identity members into the workload's class.</summary>
    public static void Emit(SourceWriter w, IdentitySpec identity, GeneratorOptions options)
    {
        w.Summary("The StatefulSet's name (<c>metadata.name</c>); its pods are named <c>" + Xml(identity.Name) + "-&lt;ordinal&gt;</c>.");
        w.Line("public const string Name = " + CSharpLiteral.Of(identity.Name) + ";").Line();
        if (identity.Namespace is not null)
        {
            w.Summary("The namespace (<c>metadata.namespace</c>).");
            w.Line("public const string Namespace = " + CSharpLiteral.Of(identity.Namespace) + ";").Line();
        }

        if (identity.ServiceName is not null)
        {
            w.Summary("The governing headless Service (<c>spec.serviceName</c>) that gives each pod its DNS name.");
            w.Line("public const string ServiceName = " + CSharpLiteral.Of(identity.ServiceName) + ";").Line();
        }

        w.Summary("The cluster DNS domain used in DNS names (MSBuild property <c>StatefulManifestsClusterDomain</c>).");
        w.Line("public const string ClusterDomain = " + CSharpLiteral.Of(options.ClusterDomain) + ";").Line();
        w.Summary("The number of replicas (<c>spec.replicas</c>; Kubernetes' default 1 when unset).");
        w.Line("public const int Replicas = " + Number(identity.Replicas) + ";").Line();
        w.Summary("The first pod ordinal (<c>spec.ordinals.start</c>; default 0).");
        w.Line("public const int OrdinalsStart = " + Number(identity.OrdinalsStart) + ";").Line();

        EmitPods(w, identity);
        EmitClaims(w, identity);
        EmitNames(w, "Containers", "The containers' names (<c>spec.template.spec.containers[*].name</c>).", identity.Containers, "Container");
        EmitNames(w, "InitContainers", "The init containers' names (<c>spec.template.spec.initContainers[*].name</c>).", identity.InitContainers, "Init container");
        EmitPorts(w, identity);
        OwnedIdentityEmitter.Emit(w, identity);
    }

    /// <summary>Writes <c>ClaimName(template, ordinal)</c> (the XML doc is the caller's).</summary>
    internal static void EmitClaimNameBody(SourceWriter w) =>
        w.Line("public static string ClaimName(string template, int ordinal) => " + Names + "ClaimName(template, PodName(ordinal));").Line();

    /// <summary>
    /// <c>PodName(int)</c> over the companion's <c>Name</c> and <c>OrdinalsStart</c> members, shared by compile-time and
    /// run-time-backed companions so both name pods (and refuse impossible ordinals) the same way.
    /// </summary>
    internal static void EmitPodNameBody(SourceWriter w)
    {
        w.Line("public static string PodName(int ordinal)").Open();
        w.Line("if (ordinal < OrdinalsStart)").Open();
        w.Line("throw new global::System.ArgumentOutOfRangeException(nameof(ordinal), ordinal, \"the ordinals of \" + Name + \" start at \" + OrdinalsStart.ToString(" + Invariant + "));");
        w.Close().Line();
        w.Line("return " + Names + "PodName(Name, ordinal);");
        w.Close().Line();
    }

    private static void EmitPods(SourceWriter w, IdentitySpec identity)
    {
        w.Summary("The name of the pod with <paramref name=\"ordinal\"/> (<c>" + Xml(identity.Name) + "-" + Number(identity.OrdinalsStart) + "</c> is the first).");
        w.Line("/// <param name=\"ordinal\">The pod's ordinal, at least <see cref=\"OrdinalsStart\"/>.</param>");
        w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">The ordinal is below <see cref=\"OrdinalsStart\"/>: no such pod can exist.</exception>");
        EmitPodNameBody(w);

        w.Summary("The names of the pods at <see cref=\"Replicas\"/> replicas, in ordinal order.");
        w.Line("public static global::System.Collections.Generic.IReadOnlyList<string> PodNames").Open();
        w.Line("get").Open();
        w.Line("var names = new string[global::System.Math.Max(Replicas, 0)];");
        w.Line("for (var i = 0; i < names.Length; i++)").Open();
        w.Line("names[i] = PodName(OrdinalsStart + i);");
        w.Close().Line();
        w.Line("return names;");
        w.Close().Close().Line();

        if (identity.ServiceName is null)
        {
            return;
        }

        var ns = identity.Namespace is null ? "@namespace" : "Namespace";
        w.Summary("The stable DNS name of the pod with <paramref name=\"ordinal\"/>: <c>&lt;pod&gt;.&lt;service&gt;.&lt;namespace&gt;.svc.&lt;cluster-domain&gt;</c>.");
        w.Line("/// <param name=\"ordinal\">The pod's ordinal, at least <see cref=\"OrdinalsStart\"/>.</param>");
        if (identity.Namespace is null)
        {
            w.Line("/// <param name=\"namespace\">The namespace the manifest is applied to (it does not set one).</param>");
            w.Line("public static string PodFqdn(int ordinal, string @namespace = \"default\") =>");
        }
        else
        {
            w.Line("public static string PodFqdn(int ordinal) =>");
        }

        w.Line("    " + Names + "PodFqdn(PodName(ordinal), ServiceName, " + ns + ", ClusterDomain);").Line();
    }

    private static void EmitClaims(SourceWriter w, IdentitySpec identity)
    {
        w.Summary("The PersistentVolumeClaim the controller creates from claim template <paramref name=\"template\"/> for the pod with <paramref name=\"ordinal\"/>: <c>&lt;template&gt;-&lt;pod&gt;</c>.");
        w.Line("/// <param name=\"template\">The claim template's name.</param>");
        w.Line("/// <param name=\"ordinal\">The pod's ordinal, at least <see cref=\"OrdinalsStart\"/>.</param>");
        EmitClaimNameBody(w);
        if (identity.ClaimTemplates.Count == 0)
        {
            return;
        }

        w.Summary("The PersistentVolumeClaim names the StatefulSet controller creates: <c>&lt;template&gt;-&lt;pod&gt;</c>, one method per claim template.");
        w.Line("public static class Claims").Open();
        var names = Identifiers.Distinct(identity.ClaimTemplates, "Claims");
        for (var i = 0; i < names.Count; i++)
        {
            var template = identity.ClaimTemplates[i];
            w.Summary("The claim of template <c>" + Xml(template) + "</c> for the pod with <paramref name=\"ordinal\"/> (<c>" + Xml(template) + "-" + Xml(identity.Name) + "-" + Number(identity.OrdinalsStart) + "</c>).");
            w.Line("/// <param name=\"ordinal\">The pod's ordinal, at least <see cref=\"OrdinalsStart\"/>.</param>");
            w.Line("public static string " + names[i] + "(int ordinal) => " + Names + "ClaimName(" + CSharpLiteral.Of(template) + ", PodName(ordinal));");
            if (i < names.Count - 1)
            {
                w.Line();
            }
        }

        w.Close().Line();
    }

    /// <summary>Writes a nested class of name constants (nothing when <paramref name="values"/> is empty).</summary>
    internal static void EmitNames(SourceWriter w, string className, string summary, IReadOnlyList<string> values, string what)
    {
        if (values.Count == 0)
        {
            return;
        }

        w.Summary(summary);
        w.Line("public static class " + className).Open();
        var names = Identifiers.Distinct(values, className);
        for (var i = 0; i < names.Count; i++)
        {
            w.Summary(what + " <c>" + Xml(values[i]) + "</c>.");
            w.Line("public const string " + names[i] + " = " + CSharpLiteral.Of(values[i]) + ";");
            if (i < names.Count - 1)
            {
                w.Line();
            }
        }

        w.Close().Line();
    }

    private static void EmitPorts(SourceWriter w, IdentitySpec identity)
    {
        if (identity.Ports.Count == 0)
        {
            return;
        }

        var names = Identifiers.Distinct(identity.Ports.Select(p => p.Name), "Ports", "PortNames");
        w.Summary("The named container ports' numbers.");
        w.Line("public static class Ports").Open();
        for (var i = 0; i < names.Count; i++)
        {
            var port = identity.Ports[i];
            w.Summary("Port <c>" + Xml(port.Name) + "</c> of container <c>" + Xml(port.Container) + "</c>: " + Number(port.Number) + "/" + port.Protocol + ".");
            w.Line("public const int " + names[i] + " = " + Number(port.Number) + ";");
            if (i < names.Count - 1)
            {
                w.Line();
            }
        }

        w.Close().Line();
        w.Summary("The named container ports' names, for probes and Service target ports that refer to a port by name.");
        w.Line("public static class PortNames").Open();
        for (var i = 0; i < names.Count; i++)
        {
            w.Summary("<c>" + Xml(identity.Ports[i].Name) + "</c>.");
            w.Line("public const string " + names[i] + " = " + CSharpLiteral.Of(identity.Ports[i].Name) + ";");
            if (i < names.Count - 1)
            {
                w.Line();
            }
        }

        w.Close().Line();
    }

    /// <summary>An integer as culture-invariant C# text.</summary>
    internal static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Escapes text for XML doc comments.</summary>
    internal static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\n", " ");
}
