using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// A container's volume mounts and devices (<c>ValidateVolumeMounts</c>, <c>ValidateVolumeDevices</c>): each
/// names a volume of the pod or a claim template (<c>Not found</c> otherwise), has a unique path, and does not
/// collide with a device; block devices must come from claims.
/// </summary>
internal static class VolumeMountRules
{
    private static readonly IReadOnlyList<string> RecursiveReadOnlyModes = ["Disabled", "Enabled", "IfPossible"];

    /// <summary>Validates the mounts and devices of <paramref name="container"/> at <paramref name="path"/>.</summary>
    public static void Validate(Container container, PodContext pod, FieldPath path)
    {
        var mounts = container.VolumeMounts ?? ValueList<VolumeMount>.Empty;
        var devices = container.VolumeDevices ?? ValueList<VolumeDevice>.Empty;

        // Name → path maps as Kubernetes builds them (a later entry with the same name wins).
        var mountPaths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var mount in mounts)
        {
            mountPaths[mount?.Name ?? string.Empty] = mount?.MountPath ?? string.Empty;
        }

        var devicePaths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var device in devices)
        {
            devicePaths[device?.Name ?? string.Empty] = device?.DevicePath ?? string.Empty;
        }

        ValidateMounts(mounts, devicePaths, container, pod, path.Child("volumeMounts"));
        ValidateDevices(devices, mountPaths, pod, path.Child("volumeDevices"));
    }

    private static void ValidateMounts(ValueList<VolumeMount> mounts, Dictionary<string, string> devicePaths, Container container, PodContext pod, FieldPath path)
    {
        var errors = pod.Errors;
        var mountPoints = new HashSet<string>(StringComparer.Ordinal);
        var privileged = container.SecurityContext?.Privileged == true;
        for (var i = 0; i < mounts.Count; i++)
        {
            var mount = mounts[i] ?? new VolumeMount();
            var mountPath = path.Index(i);
            var name = mount.Name ?? string.Empty;
            var target = mount.MountPath ?? string.Empty;
            if (name.Length == 0)
            {
                errors.Required(mountPath.Child("name"));
            }

            if (!pod.Volumes.ContainsKey(name))
            {
                errors.NotFound(mountPath.Child("name"), name);
            }

            if (target.Length == 0)
            {
                errors.Required(mountPath.Child("mountPath"));
            }

            if (!mountPoints.Add(target))
            {
                errors.Invalid(mountPath.Child("mountPath"), target, "must be unique");
            }

            if (devicePaths.ContainsKey(name))
            {
                errors.Invalid(mountPath.Child("name"), name, "must not already exist in volumeDevices");
            }

            if (devicePaths.ContainsValue(target))
            {
                errors.Invalid(mountPath.Child("mountPath"), target, "must not already exist as a path in volumeDevices");
            }

            // Kubernetes reports the next ones at the list's path (volumeMounts.subPath ...), without the index.
            if (!string.IsNullOrEmpty(mount.SubPath))
            {
                DownwardApiRules.ValidateLocalDescendingPath(mount.SubPath!, path.Child("subPath"), errors);
            }

            if (!string.IsNullOrEmpty(mount.SubPathExpr))
            {
                if (!string.IsNullOrEmpty(mount.SubPath))
                {
                    errors.Invalid(mountPath.Child("subPathExpr"), mount.SubPathExpr, "subPathExpr and subPath are mutually exclusive");
                }

                DownwardApiRules.ValidateLocalDescendingPath(mount.SubPathExpr!, path.Child("subPathExpr"), errors);
            }

            if (mount.MountPropagation is { } propagation)
            {
                if (!propagation.IsKnown)
                {
                    errors.NotSupported(path.Child("mountPropagation"), propagation.Value, ValueRules.Sorted<MountPropagation>());
                }
                else if (propagation.Known == MountPropagation.Bidirectional && !privileged)
                {
                    errors.Forbidden(path.Child("mountPropagation"), "Bidirectional mount propagation is available only to privileged containers");
                }
            }

            ValidateRecursiveReadOnly(mount, path.Child("recursiveReadOnly"), errors);
        }
    }

    private static void ValidateRecursiveReadOnly(VolumeMount mount, FieldPath path, ValidationErrors errors)
    {
        switch (mount.RecursiveReadOnly)
        {
            case null:
            case "Disabled":
                break;
            case "Enabled":
            case "IfPossible":
                if (mount.ReadOnly != true)
                {
                    errors.Forbidden(path, "may only be specified when readOnly is true");
                }

                if (mount.MountPropagation is { } propagation && propagation.Known != MountPropagation.None)
                {
                    errors.Forbidden(path, "may only be specified when mountPropagation is None or not specified");
                }

                break;
            default:
                errors.NotSupported(path, mount.RecursiveReadOnly, RecursiveReadOnlyModes);
                break;
        }
    }

    private static void ValidateDevices(ValueList<VolumeDevice> devices, Dictionary<string, string> mountPaths, PodContext pod, FieldPath path)
    {
        var errors = pod.Errors;
        var names = new HashSet<string>(StringComparer.Ordinal);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < devices.Count; i++)
        {
            var device = devices[i] ?? new VolumeDevice();
            var devicePath = path.Index(i);
            var name = device.Name ?? string.Empty;
            var target = device.DevicePath ?? string.Empty;
            var found = pod.Volumes.TryGetValue(name, out var claimBacked);
            if (name.Length == 0)
            {
                errors.Required(devicePath.Child("name"));
            }

            if (names.Contains(name))
            {
                errors.Invalid(devicePath.Child("name"), name, "must be unique");
            }

            if (found && !claimBacked)
            {
                errors.Invalid(devicePath.Child("name"), name, "can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode");
            }

            if (!found)
            {
                errors.NotFound(devicePath.Child("name"), name);
            }

            if (target.Length == 0)
            {
                errors.Required(devicePath.Child("devicePath"));
            }

            if (paths.Contains(target))
            {
                errors.Invalid(devicePath.Child("devicePath"), target, "must be unique");
            }

            if (target.Length > 0 && target.Split('/').Contains("..", StringComparer.Ordinal))
            {
                errors.Invalid(devicePath.Child("devicePath"), target, "can not contain backsteps ('..')");
            }
            else
            {
                paths.Add(target);
            }

            if (mountPaths.ContainsKey(name))
            {
                errors.Invalid(devicePath.Child("name"), name, "must not already exist in volumeMounts");
            }

            if (mountPaths.ContainsValue(target))
            {
                errors.Invalid(devicePath.Child("devicePath"), target, "must not already exist as a path in volumeMounts");
            }

            if (name.Length > 0)
            {
                names.Add(name);
            }
        }
    }
}
