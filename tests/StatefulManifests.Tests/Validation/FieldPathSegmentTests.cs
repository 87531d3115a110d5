using StatefulManifests.Validation;

namespace StatefulManifests.Tests.Validation;

/// <summary>A path's last segment, raw, and the port-name fields recognised on it (not on the display text).</summary>
public class FieldPathSegmentTests
{
    private static readonly FieldPath Container = FieldPath.Root("spec").Child("template", "spec", "containers").Index(0);

    [Fact]
    public void The_last_segment_is_the_raw_name_index_or_key_and_says_which()
    {
        var key = FieldPath.Root("metadata").Child("annotations").Key("k\uD800");
        Assert.Equal("k\uD800", key.LastSegment); // raw, though ToString() escapes the lone surrogate
        Assert.True(key.IsEntry);
        Assert.Equal("metadata.annotations[k\\uD800]", key.ToString());

        Assert.Equal("0", Container.LastSegment);
        Assert.True(Container.IsEntry);
        Assert.Equal("containers", Container.Parent!.LastSegment);
        Assert.False(Container.Parent.IsEntry);
    }

    [Fact]
    public void A_port_name_is_declared_at_ports_item_name_and_referred_to_by_port_or_targetPort()
    {
        Assert.True(PortNameFields.IsDeclaration(Container.Child("ports").Index(1).Child("name")));
        Assert.True(PortNameFields.IsDeclaration(FieldPath.Root("spec").Child("ports").Index(0).Child("name")));
        Assert.False(PortNameFields.IsDeclaration(Container.Child("name")));
        Assert.False(PortNameFields.IsDeclaration(Container.Child("ports").Key("name")));
        Assert.False(PortNameFields.IsDeclaration(Container.Child("envPorts").Index(0).Child("name")));
        Assert.False(PortNameFields.IsDeclaration(FieldPath.Root("metadata").Child("labels").Key("ports").Child("name")));

        Assert.True(PortNameFields.IsReference(Container.Child("readinessProbe", "httpGet", "port")));
        Assert.True(PortNameFields.IsReference(FieldPath.Root("spec").Child("ports").Index(0).Child("targetPort")));
        Assert.False(PortNameFields.IsReference(FieldPath.Root("metadata").Child("labels").Key("port")));
        Assert.False(PortNameFields.IsReference(Container.Child("ports").Index(0).Child("containerPort")));
    }
}
