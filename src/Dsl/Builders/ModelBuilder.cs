using StatefulManifests.Model;

namespace StatefulManifests;

/// <summary>
/// The common machinery of the nested builders (containers, probes, volumes ...): an immutable model element,
/// updated with <c>with</c> and returned in a NEW builder, plus the record of which call set which field.
/// Builders of this kind are created by the DSL and handed to your <c>c =&gt; c...</c> lambdas.
/// </summary>
/// <typeparam name="TSelf">The concrete builder type, so chained calls keep their type.</typeparam>
/// <typeparam name="TModel">The model record the builder builds.</typeparam>
public abstract class ModelBuilder<TSelf, TModel> : INestedBuilder
    where TSelf : ModelBuilder<TSelf, TModel>
    where TModel : class
{
    private protected ModelBuilder(TModel model, ValueList<LocalOrigin> origins)
    {
        Model = model;
        Origins = origins;
    }

    /// <summary>The model element built so far.</summary>
    internal TModel Model { get; }

    /// <summary>The calls that set fields of the element, relative to it.</summary>
    internal ValueList<LocalOrigin> Origins { get; }

    ValueList<LocalOrigin> INestedBuilder.Origins => Origins;

    private protected abstract TSelf With(TModel model, ValueList<LocalOrigin> origins);

    /// <summary>The model-level escape hatch behind each builder's <c>Modify</c>: applies <paramref name="update"/> to the element.</summary>
    private protected TSelf ModifyModel(Func<TModel, TModel> update)
    {
        if (update is null)
        {
            throw new ArgumentNullException(nameof(update));
        }

        return Set(RelativePath.Here, m => update(m) ?? throw new InvalidOperationException("a Modify function returned null"));
    }

    /// <summary>A new builder with the element updated and the current call recorded as setting <paramref name="path"/>.</summary>
    private protected TSelf Set(RelativePath path, Func<TModel, TModel> update) =>
        With(update(Model), Origins.Add(new LocalOrigin(path, DslCallSite.Current)));

    /// <summary>A new builder with the element updated and the current call recorded as setting the child <paramref name="field"/>.</summary>
    private protected TSelf Set(string field, Func<TModel, TModel> update) => Set(RelativePath.Of(field), update);

    /// <summary>
    /// Runs a nested builder lambda on <paramref name="seed"/> and stores its result with <paramref name="store"/>.
    /// The call is recorded at <paramref name="path"/>; the nested builder's own calls beneath
    /// <paramref name="elementPath"/>, where its element lives (default: the same path; a weighted term, for
    /// example, is called at <c>preferred...[0]</c> while its term lives at <c>preferred...[0].podAffinityTerm</c>).
    /// </summary>
    private protected TSelf Nest<TBuilder>(RelativePath path, TBuilder seed, Func<TBuilder, TBuilder> configure, Func<TModel, TBuilder, TModel> store, RelativePath? elementPath = null)
        where TBuilder : class, INestedBuilder
    {
        var token = DslCallSite.Current;
        var built = Nested.Run(seed, configure);
        var added = ((INestedBuilder)built).Origins.Skip(((INestedBuilder)seed).Origins.Count);
        var origins = Origins.Add(new LocalOrigin(path, token)).AddRange(added.Select(o => o.Under(elementPath ?? path)));
        return With(store(Model, built), origins);
    }
}

/// <summary>A builder that records the calls that set its fields (relative to the element it builds).</summary>
internal interface INestedBuilder
{
    /// <summary>The calls so far, in order.</summary>
    ValueList<LocalOrigin> Origins { get; }
}

/// <summary>Runs the nested builder lambdas of the DSL.</summary>
internal static class Nested
{
    /// <summary>Calls <paramref name="configure"/> on <paramref name="seed"/>; a null lambda or result is a programming error.</summary>
    public static TBuilder Run<TBuilder>(TBuilder seed, Func<TBuilder, TBuilder> configure)
        where TBuilder : class
    {
        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        return configure(seed) ?? throw new InvalidOperationException("a DSL lambda returned null instead of the builder it was given");
    }
}
