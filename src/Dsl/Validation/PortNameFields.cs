namespace StatefulManifests.Validation;

/// <summary>
/// Where a port's name lives in a manifest: declared on a container port, then referred to by name from probes,
/// lifecycle handlers (<c>httpGet.port</c>, <c>tcpSocket.port</c>) and the Service's <c>targetPort</c>. One bad name
/// is therefore reported at all of those fields; tools that fold such reports into one use these to tell the
/// declaration from the references.
/// </summary>
public static class PortNameFields
{
    /// <summary>True for <c>…ports[i].name</c>: the field that declares a port's name.</summary>
    public static bool IsDeclaration(FieldPath path) =>
        path is { IsEntry: false, LastSegment: "name", Parent: { IsEntry: true, Parent: { IsEntry: false, LastSegment: "ports" } } };

    /// <summary>True for a <c>port</c> or <c>targetPort</c> field, which may name a declared port.</summary>
    public static bool IsReference(FieldPath path) =>
        path is { IsEntry: false, LastSegment: "port" or "targetPort" };
}
