using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests.Rules.Support;

/// <summary>A container of the pod template together with its field path (<c>spec.template.spec.containers[1]</c>).</summary>
/// <param name="Container">The container.</param>
/// <param name="Path">Its path.</param>
/// <param name="IsInit">True for an init container.</param>
internal sealed record ContainerSite(Container Container, FieldPath Path, bool IsInit)
{
    /// <summary>The container's name ("" when unset).</summary>
    public string Name => Container.Name ?? string.Empty;

    /// <summary>The path of the container's security context.</summary>
    public FieldPath SecurityContextPath => Path.Child("securityContext");

    /// <summary>The path of a resource request or limit, e.g. <c>resources.requests[cpu]</c>.</summary>
    public FieldPath ResourcePath(string kind, string resource) => Path.Child("resources", kind).Key(resource);
}
