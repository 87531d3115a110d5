using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StatefulManifests.Yaml;

/// <summary>Writes <see cref="YNode"/> documents as one YAML stream with YamlDotNet's emitter.</summary>
internal static class YamlText
{
    public static string Write(IEnumerable<YNode> documents)
    {
        var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };

        // No line folding (bestWidth): a folded scalar is a different string to some readers and diffs badly.
        var settings = new EmitterSettings(2, int.MaxValue, false, 1024, false, false, "\n");
        var emitter = new Emitter(text, settings);
        emitter.Emit(new StreamStart());
        var first = true;
        foreach (var document in documents)
        {
            emitter.Emit(new DocumentStart(null, null, first));
            Emit(emitter, document);
            emitter.Emit(new DocumentEnd(true));
            first = false;
        }

        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Emit(IEmitter emitter, YNode node)
    {
        switch (node)
        {
            case YScalar scalar:
                var style = scalar.Style switch
                {
                    YScalarStyle.Quoted => ScalarStyle.DoubleQuoted,
                    YScalarStyle.Literal => ScalarStyle.Literal,
                    _ => ScalarStyle.Any,
                };

                // A plain (typed) scalar must stay plain; strings may be quoted by the emitter when needed.
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, Utf16Text.ReplaceLoneSurrogates(scalar.Value), style, true, true));
                break;
            case YSequence sequence:
                var flowSeq = sequence.Items.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block;
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, flowSeq));
                foreach (var item in sequence.Items)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case YMapping mapping:
                var flowMap = mapping.Entries.Count == 0 ? MappingStyle.Flow : MappingStyle.Block;
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, flowMap));
                foreach (var entry in mapping.Entries)
                {
                    Emit(emitter, entry.Key);
                    Emit(emitter, entry.Value);
                }

                emitter.Emit(new MappingEnd());
                break;
        }
    }
}
