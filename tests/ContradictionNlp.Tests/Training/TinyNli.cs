namespace ContradictionNlp.Tests.Training;

/// <summary>Tiny NLI training files for the model-type tests (one premise, one hypothesis per label, repeated).</summary>
internal static class TinyNli
{
    /// <summary>
    /// Writes <paramref name="groups"/> groups "g{i}#1..3" (contradiction: negation; entailment: hypernym; neutral:
    /// added material) to <paramref name="path"/> in the shared TSV format; the "#k" ids keep a group on one side of
    /// the validation split (<c>ScorerTraining.IsValidation</c> keys on the part before '#').
    /// </summary>
    public static string WriteGuitarGroups(string path, int groups)
    {
        var lines = new List<string> { "id\tpremise\thypothesis\tlabel\tsource" };
        for (var i = 0; i < groups; i++)
        {
            lines.Add($"g{i}#1\tA man is playing a guitar\tA man is not playing a guitar\tcontradiction\tt");
            lines.Add($"g{i}#2\tA man is playing a guitar\tA man is playing an instrument\tentailment\tt");
            lines.Add($"g{i}#3\tA man is playing a guitar\tA man is playing a song for his wife\tneutral\tt");
        }
        File.WriteAllLines(path, lines);
        return path;
    }
}
