using StatefulManifests.Model;
using StatefulManifests.Validation;

namespace StatefulManifests;

/// <summary>
/// Builds the data of a ConfigMap the workload owns (<see cref="StatefulSetBuilder.Config(ConfigRef, Func{ConfigMapBuilder, ConfigMapBuilder}, bool)"/>):
/// literal entries and project files, each a key of <c>data</c> (a file when the ConfigMap is mounted). A later entry
/// with the same key replaces the earlier one. Configuration only: secret values belong in a Secret, which the pods
/// reference (a secret-looking key with a value here is SM3020).
/// </summary>
public sealed class ConfigMapBuilder : ModelBuilder<ConfigMapBuilder, ConfigMap>
{
    private static readonly RelativePath Data = RelativePath.Of("data");

    internal ConfigMapBuilder(ConfigMap model)
        : this(model, ValueList<LocalOrigin>.Empty, ValueList<FieldError>.Empty)
    {
    }

    private ConfigMapBuilder(ConfigMap model, ValueList<LocalOrigin> origins, ValueList<FieldError> errors)
        : base(model, origins) => Errors = errors;

    /// <summary>Mistakes in the calls (a file that does not exist), with paths relative to the ConfigMap.</summary>
    internal ValueList<FieldError> Errors { get; }

    /// <summary>Sets <c>data[key]</c> to <paramref name="value"/> (the file <paramref name="key"/> when mounted).</summary>
    /// <param name="key">The key: letters, digits, '-', '_' and '.' (validated as the API server does).</param>
    /// <param name="value">The text.</param>
    public ConfigMapBuilder Entry(string key, string value)
    {
        if (key is null)
        {
            return Failed(Data, FieldError.Required(FieldPath.Root("data"), "Entry(null, ...): an entry needs a key"));
        }

        if (value is null)
        {
            return Failed(Data.Key(key), FieldError.Required(FieldPath.Root("data").Key(key), "Entry(\"" + key + "\", null): an entry needs a value (use \"\" for an empty file)"));
        }

        return Set(Data.Key(key), c => c with { Data = (c.Data ?? ValueMap<string>.Empty).SetItem(key, value) });
    }

    /// <summary>
    /// Sets <c>data[key]</c> to the text of the project file <paramref name="path"/> (relative to the project directory,
    /// see <see cref="ProjectFiles"/>); <paramref name="key"/> defaults to the file's name. The build must see the file:
    /// list it as an MSBuild <c>AdditionalFiles</c> item (<c>&lt;AdditionalFiles Include="config/postgresql.conf" /&gt;</c>).
    /// A missing file, or a path leaving the project, is an error on this call.
    /// </summary>
    /// <param name="path">The path relative to the project directory, e.g. <c>config/postgresql.conf</c>.</param>
    /// <param name="key">The key, or null for the file's name.</param>
    public ConfigMapBuilder File(string path, string? key = null)
    {
        if (path is null)
        {
            return Failed(Data, FieldError.Required(FieldPath.Root("data"), "File(null): a project file needs a path"));
        }

        var normalized = ProjectFiles.Normalize(path);
        var name = key ?? (normalized ?? path.Replace('\\', '/')).Split('/').Last();
        var at = FieldPath.Root("data").Key(name);
        if (normalized is null)
        {
            return Failed(Data.Key(name), FieldError.Invalid(at, path, "a project file is named relative to the project directory and stays inside it"));
        }

        var text = ProjectFiles.Read(normalized);
        return text is null
            ? Failed(Data.Key(name), new FieldError(FieldErrorType.NotFound, at, path,
                "no such project file (relative to the project directory; the compiler sees only files listed as <AdditionalFiles Include=\"" + normalized + "\" />)"))
            : Set(Data.Key(name), c => c with { Data = (c.Data ?? ValueMap<string>.Empty).SetItem(name, text) });
    }

    /// <summary>Sets <c>immutable</c> (default when called: true): the data can then never change, only the ConfigMap be replaced.</summary>
    public ConfigMapBuilder Immutable(bool value = true) => Set("immutable", c => c with { Immutable = value });

    /// <summary>Adds <c>metadata.labels</c> on the ConfigMap.</summary>
    public ConfigMapBuilder Labels(params (string Key, string Value)[] labels) =>
        Set(RelativePath.Of("metadata", "labels"), c => c with { Metadata = (c.Metadata ?? new ObjectMeta()) with { Labels = ModelLists.SetPairs(c.Metadata?.Labels, labels) } });

    private protected override ConfigMapBuilder With(ConfigMap model, ValueList<LocalOrigin> origins) => new(model, origins, Errors);

    private ConfigMapBuilder Failed(RelativePath path, FieldError error) =>
        new(Model, Origins.Add(new LocalOrigin(path, DslCallSite.Current)), Errors.Add(error));
}
