using StatefulManifests.Model;

namespace StatefulManifests.Validation;

/// <summary>
/// Projected volumes: each source sets exactly one of secret, configMap, downwardAPI, serviceAccountToken and
/// clusterTrustBundle, and no two sources write the same file.
/// </summary>
internal static class ProjectedVolumeRules
{
    private const string ConflictingPaths = "conflicting duplicate paths";

    /// <summary>Validates a projected volume source at <paramref name="path"/> (<c>volumes[i].projected</c>).</summary>
    public static void Validate(ProjectedVolumeSource projected, FieldPath path, ValidationErrors errors)
    {
        DownwardApiRules.ValidateFileMode(projected.DefaultMode, path.Child("defaultMode"), errors);
        var allPaths = new HashSet<string>(StringComparer.Ordinal);
        var sources = projected.Sources ?? ValueList<VolumeProjection>.Empty;
        for (var i = 0; i < sources.Count; i++)
        {
            var source = sources[i] ?? new VolumeProjection();
            var sourcePath = path.Child("sources").Index(i);
            var count = 0;
            if (source.Secret is { } secret)
            {
                count++;
                ValidateKeyProjection(secret.Name, secret.Items, sourcePath.Child("secret"), path, allPaths, errors);
            }

            if (source.ConfigMap is { } configMap)
            {
                count++;
                ValidateKeyProjection(configMap.Name, configMap.Items, sourcePath.Child("configMap"), path, allPaths, errors);
            }

            if (source.DownwardAPI is { } downwardApi)
            {
                count++;
                foreach (var file in downwardApi.Items ?? ValueList<DownwardAPIVolumeFile>.Empty)
                {
                    var f = file ?? new DownwardAPIVolumeFile();
                    VolumeRules.ValidateDownwardApiFile(f, sourcePath.Child("downwardAPI"), errors);
                    if (!string.IsNullOrEmpty(f.Path) && !allPaths.Add(f.Path!))
                    {
                        errors.Invalid(path, f.Path, ConflictingPaths);
                    }
                }
            }

            if (source.ServiceAccountToken is { } token)
            {
                count++;
                ValidateServiceAccountToken(token, sourcePath.Child("serviceAccountToken"), path, errors);
            }

            if (source.ClusterTrustBundle is { } bundle)
            {
                count++;
                ValidateClusterTrustBundle(bundle, sourcePath.Child("clusterTrustBundle"), path, allPaths, errors);
            }

            if (count > 1)
            {
                errors.Forbidden(sourcePath, "may not specify more than 1 volume type per source");
            }
        }
    }

    private static void ValidateKeyProjection(string? name, ValueList<KeyToPath>? items, FieldPath path, FieldPath projectedPath, HashSet<string> allPaths, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(name))
        {
            errors.Required(path.Child("name"));
        }

        VolumeRules.ValidateItems(items, path.Child("items"), errors);
        foreach (var item in items ?? ValueList<KeyToPath>.Empty)
        {
            if (!string.IsNullOrEmpty(item?.Path) && !allPaths.Add(item!.Path!))
            {
                errors.Invalid(projectedPath, name ?? string.Empty, ConflictingPaths);
            }
        }
    }

    private static void ValidateServiceAccountToken(ServiceAccountTokenProjection token, FieldPath path, FieldPath projectedPath, ValidationErrors errors)
    {
        // A missing expirationSeconds is defaulted to one hour.
        var expiration = token.ExpirationSeconds ?? 3600;
        if (expiration < 10 * 60)
        {
            errors.Invalid(path.Child("expirationSeconds"), expiration, "may not specify a duration less than 10 minutes");
        }

        if (expiration > 1L << 32)
        {
            errors.Invalid(path.Child("expirationSeconds"), expiration, "may not specify a duration larger than 2^32 seconds");
        }

        // Kubernetes reports the token's path at the projected volume's path.
        if (string.IsNullOrEmpty(token.Path))
        {
            errors.Required(projectedPath.Child("path"));
        }
        else
        {
            DownwardApiRules.ValidateLocalNonReservedPath(token.Path!, projectedPath.Child("path"), errors);
        }
    }

    private static void ValidateClusterTrustBundle(ClusterTrustBundleProjection bundle, FieldPath path, FieldPath projectedPath, HashSet<string> allPaths, ValidationErrors errors)
    {
        var usingName = bundle.Name is not null;
        var usingSigner = bundle.SignerName is not null;
        if (usingName && usingSigner)
        {
            errors.Invalid(path, "<clusterTrustBundle>", "only one of name and signerName may be used");
        }
        else if (usingName)
        {
            if (bundle.Name!.Length == 0)
            {
                errors.Required(path.Child("name"), "must be a valid object name");
            }

            if (bundle.LabelSelector is not null)
            {
                errors.Invalid(path.Child("labelSelector"), bundle.LabelSelector, "labelSelector must be unset if name is specified");
            }
        }
        else if (usingSigner)
        {
            if (bundle.SignerName!.Length == 0)
            {
                errors.Required(path.Child("signerName"), "must be a valid signer name");
            }

            LabelSelectorRules.Validate(bundle.LabelSelector, path.Child("labelSelector"), errors);
        }
        else
        {
            errors.Required(path, "either name or signerName must be specified");
        }

        var file = bundle.Path ?? string.Empty;
        if (file.Length == 0)
        {
            errors.Required(path.Child("path"));
        }

        DownwardApiRules.ValidateLocalNonReservedPath(file, path.Child("path"), errors);
        if (!allPaths.Add(file))
        {
            errors.Invalid(projectedPath, file, ConflictingPaths);
        }
    }
}
