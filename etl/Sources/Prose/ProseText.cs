using System.Text;

namespace Bhyt.Etl.Sources.Prose;

/// <summary>
/// Sentences of a document's running text, and a folded copy of each (lower case, no diacritics, đ → d) whose every
/// character stands at the same index as in the original, so a phrase found in the folded text is a span of the sentence.
/// </summary>
public static class ProseText
{
    /// <summary>A sentence and the paragraph line it starts on.</summary>
    public sealed record Sentence(int Line, string Text);

    /// <summary>
    /// The sentences of the paragraphs, in order. Consecutive lines of a text file whose first does not end a sentence
    /// are joined (a sentence wrapped over lines in OCR'd or copied text); a sentence ends at '.', '!' or '?' followed by
    /// a space and a capital or a digit, never inside a number ("64.210").
    /// </summary>
    public static IEnumerable<Sentence> Sentences(IReadOnlyList<RawParagraph> paragraphs)
    {
        foreach (var (line, text) in Passages(paragraphs))
            foreach (var sentence in Split(text))
                yield return new Sentence(line, sentence);
    }

    private static IEnumerable<(int Line, string Text)> Passages(IReadOnlyList<RawParagraph> paragraphs)
    {
        var builder = new StringBuilder();
        int start = 0, last = -2;
        foreach (var paragraph in paragraphs)
        {
            var text = Parsing.CellText.StripMarkup(paragraph.Text).Normalize(NormalizationForm.FormC);
            if (text.Length == 0) continue;
            var continues = builder.Length > 0 && paragraph.Line == last + 1 && !EndsSentence(builder);
            if (!continues && builder.Length > 0)
            {
                yield return (start, builder.ToString());
                builder.Clear();
            }
            if (builder.Length == 0) start = paragraph.Line;
            else builder.Append(' ');
            builder.Append(text);
            last = paragraph.Line;
        }
        if (builder.Length > 0) yield return (start, builder.ToString());
    }

    private static bool EndsSentence(StringBuilder text) => text[^1] is '.' or '!' or '?' or ':' or ';';

    /// <summary>Splits a passage into sentences, trimmed.</summary>
    public static IEnumerable<string> Split(string passage)
    {
        var start = 0;
        for (var i = 0; i < passage.Length; i++)
        {
            if (passage[i] is not ('.' or '!' or '?') || i + 2 >= passage.Length || passage[i + 1] != ' ') continue;
            var next = passage[i + 2];
            if (!char.IsUpper(next) && !char.IsDigit(next) && next is not ('-' or '+' or '•')) continue;
            var sentence = passage[start..(i + 1)].Trim();
            if (sentence.Length > 0) yield return sentence;
            start = i + 1;
        }
        var rest = passage[start..].Trim();
        if (rest.Length > 0) yield return rest;
    }

    /// <summary>Lower case without diacritics, đ → d, character for character (NFC input keeps its length).</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is 'đ' or 'Đ') { builder.Append('d'); continue; }
            if (char.IsSurrogate(c)) { builder.Append(c); continue; }
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            builder.Append(char.ToLowerInvariant(decomposed[0]));
        }
        return builder.ToString();
    }
}
